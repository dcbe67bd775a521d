import { describe, expect, it } from "vitest";
import { importQuery } from "./analytics-client.js";

describe("importQuery", () => {
  it("names the file and adds only the options given", () => {
    expect(importQuery("март 2026.csv", {})).toBe("filename=%D0%BC%D0%B0%D1%80%D1%82%202026.csv");
    expect(
      importQuery("e.csv", {
        preset: "metrica",
        mapping: { person: "client id", time: "ts", event: "goal" },
        skipInvalid: true,
      }),
    ).toBe(
      "filename=e.csv&preset=metrica&map=person%3Dclient%20id%2Ctime%3Dts%2Cevent%3Dgoal&skipInvalid=true",
    );
  });
});
