import ExcelJS from "exceljs";
import type { JourneyMap } from "../domain/journey-map.js";
import { exportLabels } from "./export-labels.js";
import type { MapFile } from "./map-file.js";
import { type LayoutRow, parseNumber, toLayoutRows } from "./map-layout.js";
import { transitionTable } from "./transition-table.js";
import { type SheetTable, toMachineSheets } from "./xlsx-sheets.js";

export const MAP_SHEET = "Map";
export const TRANSITIONS_SHEET = "Transitions";

const HEADER_FILL = "FF1E293B";
const HEADER_FONT = "FFFFFFFF";
/** Light row tints by lane type, so barriers and opportunities stand out when printed. */
const ROW_FILL: Record<string, string> = {
  tech_barriers: "FFFEE2E2",
  emotional_barriers: "FFFFEDD5",
  opportunities: "FFDCFCE7",
  touchpoints: "FFE0F2FE",
  emotion: "FFFEF9C3",
};

/** A workbook people can read (Map, Transitions) plus sheets that make the import lossless. */
export async function exportXlsx(file: MapFile): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tropa";
  workbook.created = new Date(file.exportedAt);
  addMapSheet(workbook, file.map);
  addTransitionsSheet(workbook, file.map);
  for (const table of toMachineSheets(file)) addTableSheet(workbook, table);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addMapSheet(workbook: ExcelJS.Workbook, map: JourneyMap): void {
  const labels = exportLabels(map.lang);
  const sheet = workbook.addWorksheet(MAP_SHEET, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  sheet.columns = [{ width: 26 }, ...map.stages.map(() => ({ width: 32 }))];
  styleHeader(sheet.addRow([labels.lane, ...map.stages.map((stage) => stage.name)]));
  for (const layout of toLayoutRows(map)) {
    const row = sheet.addRow([layout.title, ...layout.cells.map((cell) => cellValue(layout, cell))]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).font = { bold: true };
    const fill = ROW_FILL[layout.type];
    if (fill) row.eachCell({ includeEmpty: true }, (cell) => setFill(cell, fill));
    if (layout.type === "tech_barriers" || layout.type === "emotional_barriers") {
      row.getCell(1).font = { bold: true, color: { argb: "FFB91C1C" } };
    }
  }
}

/** Metric rows carry real numbers so people can chart and sum them in Excel. */
function cellValue(layout: LayoutRow, cell: string): string | number | null {
  if (!cell) return null;
  if (layout.type.startsWith("metrics")) return parseNumber(cell) ?? cell;
  return cell;
}

function addTransitionsSheet(workbook: ExcelJS.Workbook, map: JourneyMap): void {
  const table = transitionTable(map);
  const sheet = workbook.addWorksheet(TRANSITIONS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 44 }, { width: 24 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 16 }];
  styleHeader(sheet.addRow(table.header));
  if (table.rows.length === 0) sheet.addRow([exportLabels(map.lang).noCounts]);
  for (const transition of table.rows) {
    const row = sheet.addRow(transition.cells);
    if (transition.isKey) {
      row.font = { bold: true, color: { argb: "FFB91C1C" } };
      row.eachCell({ includeEmpty: true }, (cell) => setFill(cell, ROW_FILL.tech_barriers ?? ""));
    }
    if (transition.belowTarget) row.getCell(3).font = { bold: transition.isKey, color: { argb: "FFC2410C" } };
  }
}

function addTableSheet(workbook: ExcelJS.Workbook, table: SheetTable): void {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.header.map((name) => ({ width: Math.max(12, name.length + 4) }));
  styleHeader(sheet.addRow(table.header));
  for (const values of table.rows) sheet.addRow(values);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: HEADER_FONT } };
  row.alignment = { wrapText: true, vertical: "middle" };
  row.eachCell((cell) => setFill(cell, HEADER_FILL));
}

function setFill(cell: ExcelJS.Cell, argb: string): void {
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
}
