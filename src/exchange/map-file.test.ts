import { describe, expect, it } from "vitest";
import { ImportError } from "../domain/errors.js";
import { parseMapFile, toMapFile } from "./map-file.js";
import { sampleMapFile } from "./sample-map.test-support.js";

describe("map file", () => {
  it("reads back what toMapFile wrote", () => {
    const { map, personas } = sampleMapFile();
    const file = toMapFile(map, personas, new Date("2026-01-02T03:04:05.000Z"));
    expect(file.format).toBe("tropa.map");
    expect(file.exportedAt).toBe("2026-01-02T03:04:05.000Z");
    expect(parseMapFile(JSON.stringify(file), "club.json")).toEqual(file);
  });

  it("names the line and column of a JSON syntax error", () => {
    const text = '{\n  "format": "tropa.map",\n  "map": { "title": x }\n}';
    expect(() => parseMapFile(text, "club.json")).toThrow(
      'club.json: line 3, column 21: invalid JSON near "x }',
    );
  });

  it("says when the file is cut off", () => {
    const text = JSON.stringify(sampleMapFile(), null, 2).slice(0, 300);
    expect(() => parseMapFile(text, "cut.json")).toThrow(
      /^cut\.json: line \d+, column \d+: the JSON ends too early/,
    );
  });

  it("rejects a JSON file that is not a map file", () => {
    expect(() => parseMapFile('{"format":"miro.board"}', "board.json")).toThrow(
      'board.json: format: "format" is "miro.board", expected "tropa.map": this is not a Tropa map file',
    );
    expect(() => parseMapFile("[1, 2]", "list.json")).toThrow(ImportError);
  });

  it("names the invalid field of the map and of a persona", () => {
    const file = sampleMapFile();
    const badStage = structuredClone(file) as unknown as { map: { stages: { name: string }[] } };
    const firstStage = badStage.map.stages[0];
    if (firstStage) firstStage.name = " ";
    expect(() => parseMapFile(JSON.stringify(badStage), "club.json")).toThrow(
      "club.json: map.stages.0.name: must not be empty",
    );
    const badPersona = { ...file, personas: [{ ...file.personas[0], color: "red" }] };
    expect(() => parseMapFile(JSON.stringify(badPersona), "club.json")).toThrow(
      /^club\.json: personas\.0\.color/,
    );
  });

  it("refuses a file from a newer Tropa", () => {
    const newer = { ...sampleMapFile(), schemaVersion: 99 };
    expect(() => parseMapFile(JSON.stringify(newer), "new.json")).toThrow(
      /new\.json: schemaVersion: .*upgrade Tropa/,
    );
  });

  it("accepts a UTF-8 byte order mark", () => {
    const file = sampleMapFile();
    expect(parseMapFile(`\uFEFF${JSON.stringify(file)}`, "bom.json").map.title).toBe(file.map.title);
  });
});
