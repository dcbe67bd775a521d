import { describe, expect, it } from "vitest";
import { IMPORT_MAX_BYTES, importFormatOf, importMap } from "./import-map.js";

describe("importMap", () => {
  it("refuses files over the size limit before parsing them", async () => {
    const huge = new Uint8Array(IMPORT_MAX_BYTES + 1);
    await expect(importMap(huge, "json", "huge.json")).rejects.toThrow(
      "huge.json: the file is 10.0 MiB; maps up to 10 MiB can be imported",
    );
  });

  it("refuses an empty file", async () => {
    await expect(importMap(new Uint8Array(), "csv", "empty.csv")).rejects.toThrow(
      "empty.csv: the file is empty",
    );
  });

  it("reads a Windows-1251 CSV saved by Russian Excel", async () => {
    // "Этап;Покупка\nДействия;Платит" in Windows-1251.
    const cp1251 = Uint8Array.from([
      0xdd, 0xf2, 0xe0, 0xef, 0x3b, 0xcf, 0xee, 0xea, 0xf3, 0xef, 0xea, 0xe0, 0x0a, 0xc4, 0xe5, 0xe9, 0xf1,
      0xf2, 0xe2, 0xe8, 0xff, 0x3b, 0xcf, 0xeb, 0xe0, 0xf2, 0xe8, 0xf2,
    ]);
    const { map } = await importMap(cp1251, "csv", "old.csv");
    expect(map.stages[0]?.name).toBe("Покупка");
    expect(map.lanes[0]).toMatchObject({ type: "actions", title: "Действия" });
  });

  it("guesses the format from the file name", () => {
    expect(importFormatOf("Карта.XLSX")).toBe("xlsx");
    expect(importFormatOf("map.json")).toBe("json");
    expect(importFormatOf("map.pdf")).toBeUndefined();
  });
});
