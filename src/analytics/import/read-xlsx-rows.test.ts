import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { EventRecord } from "../event.js";
import { DEFAULT_MAPPING, parseMapping } from "./column-mapping.js";
import { openByteSource } from "./open-byte-source.js";
import { readEventFile } from "./read-event-file.js";
import { type RowProblem, RowProblems } from "./row-problems.js";

async function workbookFile(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("События");
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet("Справка").addRow(["not read"]);
  const file = path.join(await mkdtemp(path.join(tmpdir(), "tropa-xlsx-")), name);
  await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

async function read(file: string, map?: string): Promise<{ events: EventRecord[]; rejected: RowProblem[] }> {
  const name = path.basename(file);
  const rejected: RowProblem[] = [];
  const problems = new RowProblems(name, { skipInvalid: true, onReject: (p) => rejected.push(p) });
  const mapping = map ? parseMapping(map) : DEFAULT_MAPPING;
  const events: EventRecord[] = [];
  for await (const batch of readEventFile(await openByteSource(file), {
    file: name,
    source: name,
    mapping,
    problems,
  })) {
    events.push(...batch);
  }
  return { events, rejected };
}

describe("XLSX event files", () => {
  it("reads the first sheet under its header with --map, as a CSV with the same cells", async () => {
    const file = await workbookFile("события.xlsx", [
      ["Клиент", "Дата", "Событие", "Сумма", "Канал"],
      ["анна", new Date(Date.UTC(2024, 5, 1, 12, 30)), "визит", 1.5, "яндекс"],
      ["борис", "02.06.2024", "покупка", 54990],
      [],
      [42, new Date(Date.UTC(2024, 5, 3)), { richText: [{ text: "воз" }, { text: "врат" }] }, null, "почта"],
    ]);
    const { events, rejected } = await read(file, "person=Клиент,time=Дата,event=Событие");
    expect(rejected).toEqual([]);
    expect(events).toEqual([
      {
        person: "анна",
        time: Date.UTC(2024, 5, 1, 12, 30),
        event: "визит",
        properties: { Сумма: 1.5, Канал: "яндекс" },
        source: "события.xlsx",
        id: null,
      },
      {
        person: "борис",
        time: Date.UTC(2024, 5, 2),
        event: "покупка",
        properties: { Сумма: 54990 },
        source: "события.xlsx",
        id: null,
      },
      {
        person: "42",
        time: Date.UTC(2024, 5, 3),
        event: "возврат",
        properties: { Канал: "почта" },
        source: "события.xlsx",
        id: null,
      },
    ]);
  });

  it("names a bad cell by row number and column number", async () => {
    const file = await workbookFile("bad.xlsx", [
      ["person", "time", "event"],
      ["анна", "2024-06-01", "визит"],
      ["борис", "завтра", "покупка"],
      ["", "2024-06-01", "визит"],
    ]);
    const { events, rejected } = await read(file);
    expect(events.map((e) => e.person)).toEqual(["анна"]);
    expect(rejected.map((r) => `${r.location}: ${r.reason}`)).toEqual([
      'bad.xlsx:3:2: time "завтра" is not a date or time; expected ISO 8601, DD.MM.YYYY[ HH:MM[:SS]] or epoch seconds/milliseconds',
      "bad.xlsx:4:1: person is empty",
    ]);
  });

  it("says which column the header lacks, and that a broken file is not a workbook", async () => {
    const file = await workbookFile("header.xlsx", [
      ["Клиент", "Дата"],
      ["анна", "2024-06-01"],
    ]);
    await expect(read(file)).rejects.toThrow(/header\.xlsx:1:1.*no "person" column.*--map person=COLUMN/);
    const broken = path.join(path.dirname(file), "broken.xlsx");
    await writeFile(broken, "person,time,event\n");
    await expect(read(broken)).rejects.toThrow(/not a readable \.xlsx workbook/);
  });
});
