import { describe, expect, it } from "vitest";
import { exportMap } from "./export-map.js";
import { importMap } from "./import-map.js";
import { sampleMapFile } from "./sample-map.test-support.js";

describe("JSON export", () => {
  it("is pretty-printed and round-trips losslessly", async () => {
    const file = sampleMapFile();
    const exported = await exportMap(file, "json");
    expect(exported.extension).toBe("json");
    expect(exported.contentType).toContain("application/json");
    expect(String(exported.body)).toContain('\n  "format": "tropa.map",\n');
    const bytes = new TextEncoder().encode(String(exported.body));
    expect(await importMap(bytes, "json", "club.json")).toEqual(file);
  });
});
