import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, exportMap } from "./export-map.js";
import { sampleMapFile } from "./sample-map.test-support.js";

describe("exportMap", () => {
  it("gives every format a body, a content type and a file extension", async () => {
    const results = await Promise.all(EXPORT_FORMATS.map((format) => exportMap(sampleMapFile(), format)));
    expect(results.map((result) => [result.extension, result.contentType.split(";")[0]])).toEqual([
      ["json", "application/json"],
      ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["csv", "text/csv"],
      ["md", "text/markdown"],
      ["mmd", "text/vnd.mermaid"],
      ["png", "image/png"],
      ["pdf", "application/pdf"],
    ]);
    for (const result of results) expect(result.body.length).toBeGreaterThan(100);
  });
});
