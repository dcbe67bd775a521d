import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { EventRecord } from "../../event.js";
import { atomicFailure, cp1251, fixture, moscow, readWith } from "./read-with-preset.test-support.js";

const EXPORT = path.join(import.meta.dirname, "fixtures", "amocrm-leads.csv");

/** What the five deals of the fixture stand for, link events aside. */
const DEAL_EVENTS = [
  ["deal created", "+79161234567", moscow(2024, 6, 1, 11, 3, 25), "amocrm:31500412:created"],
  ["deal won", "+79161234567", moscow(2024, 6, 3, 13, 5, 10), "amocrm:31500412:stage:Успешно реализовано"],
  ["deal created", "+79031112233", moscow(2024, 6, 1, 12, 10, 3), "amocrm:31500433:created"],
  ["deal stage", "+79031112233", moscow(2024, 6, 1, 12, 30, 0), "amocrm:31500433:stage:Квалификация"],
  ["deal created", "+74957000001", moscow(2024, 6, 2, 9, 15, 47), "amocrm:31500501:created"],
  ["deal stage", "+74957000001", moscow(2024, 6, 5, 18, 2, 11), "amocrm:31500501:stage:Переговоры"],
  ["deal created", "+79120001122", moscow(2024, 6, 2, 21, 40, 0), "amocrm:31500522:created"],
  [
    "deal lost",
    "+79120001122",
    moscow(2024, 6, 4, 10, 0, 0),
    "amocrm:31500522:stage:Закрыто и не реализовано",
  ],
  ["deal created", "amocrm:contact:Алексей", moscow(2024, 6, 3, 15, 22, 19), "amocrm:31500555:created"],
  [
    "deal stage",
    "amocrm:contact:Алексей",
    moscow(2024, 6, 3, 15, 25, 0),
    "amocrm:31500555:stage:Неразобранное",
  ],
];

const deals = (events: EventRecord[]) =>
  events.filter((e) => e.event !== "$identify").map((e) => [e.event, e.person, e.time, e.id]);
const links = (events: EventRecord[]) =>
  events.filter((e) => e.event === "$identify").map((e) => [e.person, e.properties.alias]);

describe("--preset amocrm (deal export)", () => {
  it("turns each deal into its creation and its current stage, won or lost", async () => {
    const { events, rejected } = await readWith(EXPORT, { preset: "amocrm" });
    expect(rejected).toEqual([]);
    expect(deals(events)).toEqual(DEAL_EVENTS);
    const won = events.find((e) => e.event === "deal won");
    expect(won?.properties).toEqual({
      deal_id: "31500412",
      deal_name: "Заявка с сайта: обратный звонок",
      stage: "Успешно реализовано",
      pipeline: "Розница",
      amount: 54990,
      revenue: 54990,
      responsible: "Ирина Смирнова",
      contact: "Анна",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
      utm_term: "диван угловой",
    });
    expect(events.find((e) => e.event === "deal lost")?.properties.loss_reason).toBe("Дорого");
  });

  it("links the contact's phone to its other phones, e-mail, Metrica and GA ids and Roistat visit", async () => {
    const { events } = await readWith(EXPORT, { preset: "amocrm" });
    expect(links(events)).toEqual([
      ["+79161234567", "anna@example.com"],
      ["+79161234567", "1717171717123456789"],
      ["+79161234567", "1843267351.1717228800"],
      ["+79161234567", "roistat:visit:480123"],
      ["+79031112233", "1688001122334455667"],
      ["+79031112233", "roistat:visit:480177"],
      ["+74957000001", "+79255554433"],
      ["+74957000001", "zakupki@mebel-trade.example"],
      ["+79120001122", "1677000111222333444"],
      ["+79120001122", "roistat:visit:480301"],
    ]);
  });

  it("reads the same export re-saved by Russian Excel: Windows-1251, `;`, CRLF", async () => {
    const text = await readFile(EXPORT, "utf8");
    const resaved = text
      .trim()
      .split("\n")
      .map((line) => toSemicolons(line))
      .join("\r\n");
    const file = await fixture("Сделки.csv", cp1251(resaved));
    const { events, rejected } = await readWith(file, { preset: "amocrm" });
    expect(rejected).toEqual([]);
    expect(deals(events)).toEqual(DEAL_EVENTS);
  });

  it("reads the Excel export (.xlsx) with date cells", async () => {
    const text = await readFile(EXPORT, "utf8");
    const rows = text.trim().split("\n").map(splitCsvLine);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Сделки");
    for (const [i, row] of rows.entries()) sheet.addRow(i === 0 ? row : row.map(excelCell));
    const file = await fixture("amocrm_export.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { events, rejected } = await readWith(file, { preset: "amocrm" });
    expect(rejected).toEqual([]);
    expect(deals(events)).toEqual(DEAL_EVENTS);
  });

  it("names the line and column of a deal without an id or with an impossible date", async () => {
    const lines = (await readFile(EXPORT, "utf8")).trim().split("\n");
    const noId = (lines[2] ?? "").replace("31500433,", ",");
    const badDate = (lines[3] ?? "").replace("02.06.2024 09:15:47", "31.06.2024 09:15:47");
    const file = await fixture("leads.csv", [lines[0], lines[1], noId, badDate].join("\n"));
    const message = await atomicFailure(file, "amocrm");
    expect(message).toContain("leads.csv:3:1: ID is empty");
    const column = (lines[3] ?? "").indexOf("02.06.2024 09:15:47") + 1;
    expect(message).toContain(
      `leads.csv:4:${column}: Дата создания сделки "31.06.2024 09:15:47" is not a date or time`,
    );
    expect(message).toContain("nothing was imported");
  });

  it("says what is missing when the file is not a deal export", async () => {
    const file = await fixture("contacts.csv", "Имя;Телефон\nАнна;+79161234567\n");
    await expect(readWith(file, { preset: "amocrm" })).rejects.toThrow(/contacts\.csv:1:1.*no "ID" column/);
  });
});

/** A line of the comma fixture as Excel re-saves it with `;` (quotes only where a `;` would need them). */
function toSemicolons(line: string): string {
  return splitCsvLine(line)
    .map((cell) => (cell.includes(";") ? `"${cell}"` : cell))
    .join(";");
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Dates as Excel date cells (wall clock), numbers as numbers, the rest as text. */
function excelCell(cell: string): string | number | Date | null {
  const date = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(cell);
  if (date) {
    const [, d, mo, y, h, mi, s] = date.map(Number);
    return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
  }
  if (/^\d{1,9}$/.test(cell)) return Number(cell);
  return cell === "" ? null : cell;
}
