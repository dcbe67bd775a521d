import { describe, expect, it } from "vitest";
import { downloadName } from "./download-name.js";

describe("downloadName", () => {
  it("prefers the UTF-8 filename* so Cyrillic titles survive", () => {
    const header = `attachment; filename="map.xlsx"; filename*=UTF-8''%D0%9A%D0%B0%D1%80%D1%82%D0%B0.xlsx`;
    expect(downloadName(header, "x")).toBe("Карта.xlsx");
  });

  it("reads a plain filename and falls back when there is none", () => {
    expect(downloadName('attachment; filename="journey.csv"', "x")).toBe("journey.csv");
    expect(downloadName(null, "map.json")).toBe("map.json");
    expect(downloadName("attachment", "map.json")).toBe("map.json");
  });
});
