import { describe, expect, it } from "vitest";
import { importFormatOf } from "./import-format.js";

describe("importFormatOf", () => {
  it("picks the importer from the extension, case-insensitively", () => {
    expect(importFormatOf("Journey.XLSX")).toBe("xlsx");
    expect(importFormatOf("map.tropa.json")).toBe("json");
    expect(importFormatOf("stages.csv")).toBe("csv");
  });

  it("refuses files it cannot read", () => {
    expect(importFormatOf("map.pdf")).toBeNull();
    expect(importFormatOf("README")).toBeNull();
  });
});
