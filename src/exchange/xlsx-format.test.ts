import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportMap } from "./export-map.js";
import { importMap } from "./import-map.js";
import { sampleMapFile } from "./sample-map.test-support.js";

async function exportedWorkbook(): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const { body } = await exportMap(sampleMapFile(), "xlsx");
  const bytes = body as Uint8Array;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { bytes, workbook };
}

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void, name = "Лист1"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet(name));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("XLSX export", () => {
  it("lays the map out as stages × lanes on a styled, frozen Map sheet", async () => {
    const { workbook } = await exportedWorkbook();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Map",
      "Transitions",
      "Meta",
      "Stages",
      "Lanes",
      "Cards",
      "Emotion",
      "Metrics",
      "Personas",
    ]);
    const sheet = workbook.getWorksheet("Map");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "дорожка",
      "Увидела рекламу",
      "Лендинг",
      "Регистрация",
      "Оплата",
      "Доступ",
      "Продление",
    ]);
    expect(sheet?.getCell("A1").font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet?.getCell("C2").value).toBe("Читает описание\nСмотрит цены: 990 ₽/мес");
    expect(sheet?.getCell("C2").alignment?.wrapText).toBe(true);
    expect(sheet?.getCell("B8").value).toBe("+1 Интерес");
    expect(sheet?.getCell("A10").value).toBe("Люди");
    expect(sheet?.getCell("B10").value).toBe(10000);
    const barrier = sheet?.getCell("D5");
    expect(barrier?.value).toBe("Письмо попадает в спам");
    expect(barrier?.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFEE2E2" } });
    expect(sheet?.getColumn(2).width).toBeGreaterThan(20);
  });

  it("adds the transition table with the key barrier marked", async () => {
    const { workbook } = await exportedWorkbook();
    const sheet = workbook.getWorksheet("Transitions");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Переход",
      "Дошли → Перешли",
      "Конверсия",
      "Потеряно",
      "Цель",
      "Ключевой барьер",
    ]);
    const keyRow = ((sheet?.getRow(2).values ?? []) as unknown[]).map((value) =>
      String(value).replace(/[\u00a0\u202f]/g, " "),
    );
    expect(keyRow.slice(1)).toEqual(["Увидела рекламу → Лендинг", "10 000 → 200", "2%", "9 800", "3%", "★"]);
    expect(sheet?.getRow(2).font?.bold).toBe(true);
    expect(sheet?.getCell("F3").value).toBeFalsy();
  });
});

describe("XLSX import", () => {
  it("reads its own export back without losing anything", async () => {
    const { bytes } = await exportedWorkbook();
    expect(await importMap(bytes, "xlsx", "club.xlsx")).toEqual(sampleMapFile());
  });

  it("reads a map someone drew in Excel, inferring lane types from ru/en titles", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["", "Need", "Search", "Purchase"]);
      sheet.addRow([
        "What the customer does",
        "Notices the old sofa",
        "Browses sites\nAsks friends",
        "Orders",
      ]);
      sheet.addRow(["Questions and thoughts", "", "Which one fits?", ""]);
      sheet.addRow(["Точки касания", "", "Яндекс", "Сайт"]);
      sheet.addRow(["Emotions", "-1 annoyed", "+1", 2]);
      sheet.addRow(["Эмоциональные барьеры", "", "Боюсь переплатить", ""]);
      sheet.addRow(["Ideas", "", "", "Free delivery"]);
      sheet.addRow(["People", 5000, 800, 40]);
      sheet.addRow(["Комментарии", "x", "", ""]);
    });
    const { map, personas } = await importMap(bytes, "xlsx", "sofa.xlsx");
    expect(personas).toEqual([]);
    expect(map.title).toBe("sofa");
    expect(map.stages.map((stage) => stage.name)).toEqual(["Need", "Search", "Purchase"]);
    expect(map.lanes.map((lane) => lane.type)).toEqual([
      "actions",
      "thoughts",
      "touchpoints",
      "emotion",
      "emotional_barriers",
      "opportunities",
      "metrics",
      "text",
    ]);
    const search = map.stages[1]?.id ?? "";
    const actions = map.lanes[0];
    expect(actions?.type === "actions" && actions.cells[search]?.map((card) => card.text)).toEqual([
      "Browses sites",
      "Asks friends",
    ]);
    const emotion = map.lanes[3];
    expect(emotion?.type === "emotion" && Object.values(emotion.series[0]?.points ?? {})).toEqual([
      { score: -1, label: "annoyed" },
      { score: 1, label: "" },
      { score: 2, label: "" },
    ]);
  });

  it("names the sheet, row and column of a bad cell", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["", "Awareness", "Purchase"]);
      sheet.addRow(["Emotion", "+1", "furious"]);
    }, "Map");
    await expect(importMap(bytes, "xlsx", "trip.xlsx")).rejects.toThrow(
      'trip.xlsx: sheet "Map", row 2, column C ("Purchase"): emotion "furious" must start with a score',
    );
  });

  it("names the machine sheet cell that breaks a lossless import", async () => {
    const { bytes } = await exportedWorkbook();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Emotion");
    if (sheet) sheet.getCell("G2").value = "много";
    const edited = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(importMap(edited, "xlsx", "club.xlsx")).rejects.toThrow(
      'club.xlsx: sheet "Emotion", row 2, column "score": "много" is not a number',
    );
  });

  it("rejects a truncated or foreign file", async () => {
    const { bytes } = await exportedWorkbook();
    await expect(importMap(bytes.slice(0, bytes.length / 2), "xlsx", "cut.xlsx")).rejects.toThrow(
      "cut.xlsx: not a readable .xlsx workbook",
    );
    await expect(importMap(new TextEncoder().encode("a,b\n1,2"), "xlsx", "data.xlsx")).rejects.toThrow(
      "data.xlsx: not a readable .xlsx workbook",
    );
  });
});
