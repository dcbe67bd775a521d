import ExcelJS from "exceljs";
import { ImportError } from "../domain/errors.js";
import { type MapFile, toMapFile, validateMapFile } from "./map-file.js";
import { fromLayoutRows } from "./map-layout.js";
import { MAP_SHEET } from "./xlsx-export.js";
import {
  CARD_COLUMNS,
  EMOTION_COLUMNS,
  METRIC_COLUMNS,
  NULL_VALUE,
  OPTIONAL_COLUMNS,
  PERSONA_COLUMNS,
  SHEET,
  type SheetValue,
} from "./xlsx-sheets.js";

/**
 * Reads a Tropa workbook losslessly from its machine sheets; a workbook without them (a map someone
 * drew in Excel) is read from its "Map" sheet, or its first sheet: lane titles in column A, stages in row 1.
 */
export async function importXlsx(bytes: Uint8Array, filename: string): Promise<MapFile> {
  const workbook = await loadWorkbook(bytes, filename);
  if (workbook.getWorksheet(SHEET.meta) && workbook.getWorksheet(SHEET.stages)) {
    return readMachineSheets(workbook, filename);
  }
  const sheet = workbook.getWorksheet(MAP_SHEET) ?? workbook.getWorksheet("Карта") ?? workbook.worksheets[0];
  if (!sheet) throw new ImportError("the workbook has no sheets", filename);
  return readLayoutSheet(sheet, filename);
}

async function loadWorkbook(bytes: Uint8Array, filename: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportError(
      "not a readable .xlsx workbook (is it truncated, or a .xls/.csv file renamed?)",
      filename,
    );
  }
  return workbook;
}

function readLayoutSheet(sheet: ExcelJS.Worksheet, filename: string): MapFile {
  const grid = sheetGrid(sheet);
  const [header = [], ...body] = grid;
  const stageNames = header.slice(1).map(cellText);
  while (stageNames.length > 0 && !stageNames.at(-1)?.trim()) stageNames.pop();
  const map = fromLayoutRows(
    {
      filename,
      title: filename.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""),
      stageNames,
      rows: body.map((row) => ({
        title: cellText(row[0] ?? null),
        cells: stageNames.map((_, i) => cellText(row[i + 1] ?? null)),
      })),
    },
    (rowIndex, stageIndex) => {
      const column =
        stageIndex === null ? "A" : `${columnLetter(stageIndex + 2)} ("${stageNames[stageIndex]}")`;
      return `${filename}: sheet "${sheet.name}", row ${rowIndex + 2}, column ${column}`;
    },
  );
  return toMapFile(map, []);
}

/** The Meta sheet's funnel settings (JSON text); workbooks written before the setting existed get the defaults. */
function metaJson(text: string, filename: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError("is not valid JSON", `${filename}: sheet "${SHEET.meta}", key "funnelSettings"`);
  }
}

/** One machine sheet as records keyed by its header, with a reader that names the cell on bad input. */
class SheetReader {
  readonly records: { rowNumber: number; values: Map<string, SheetValue> }[] = [];

  constructor(
    private readonly sheet: ExcelJS.Worksheet | undefined,
    private readonly name: string,
    private readonly filename: string,
    columns: readonly string[],
  ) {
    if (!sheet) return;
    const [header = [], ...body] = sheetGrid(sheet);
    const names = header.map(cellText);
    const missing = columns.find((column) => !names.includes(column) && !OPTIONAL_COLUMNS.includes(column));
    if (missing) throw new ImportError(`missing column "${missing}"`, `${filename}: sheet "${name}"`);
    body.forEach((row, i) => {
      if (row.every((cell) => cellText(cell) === "")) return;
      const values = new Map<string, SheetValue>();
      for (const [c, column] of names.entries()) values.set(column, row[c] ?? null);
      this.records.push({ rowNumber: i + 2, values });
    });
  }

  where(rowNumber: number, column: string): string {
    return `${this.filename}: sheet "${this.sheet?.name ?? this.name}", row ${rowNumber}, column "${column}"`;
  }

  text(record: (typeof this.records)[number], column: string): string {
    return cellText(record.values.get(column) ?? null);
  }

  optionalText(record: (typeof this.records)[number], column: string): string | undefined {
    return this.text(record, column) || undefined;
  }

  /** A cell holding JSON text; `fallback` when empty. */
  json(record: (typeof this.records)[number], column: string, fallback: unknown): unknown {
    const text = this.text(record, column);
    if (!text) return fallback;
    try {
      return JSON.parse(text);
    } catch {
      throw new ImportError("is not valid JSON", this.where(record.rowNumber, column));
    }
  }

  number(record: (typeof this.records)[number], column: string): number | null {
    const value = record.values.get(column) ?? null;
    if (value === null || value === "") return null;
    const number = typeof value === "number" ? value : Number(String(value).replace(",", "."));
    if (Number.isNaN(number))
      throw new ImportError(`"${value}" is not a number`, this.where(record.rowNumber, column));
    return number;
  }
}

function readMachineSheets(workbook: ExcelJS.Workbook, filename: string): MapFile {
  const reader = (name: string, columns: readonly string[]) =>
    new SheetReader(workbook.getWorksheet(name), name, filename, columns);
  const meta = new Map(
    reader(SHEET.meta, ["key", "value"]).records.map((r) => [
      cellText(r.values.get("key") ?? null),
      r.values.get("value") ?? null,
    ]),
  );
  const metaText = (key: string) => cellText(meta.get(key) ?? null);
  const stages = reader(SHEET.stages, ["id", "name", "description", "substeps", "matchers"]);
  const lanes = reader(SHEET.lanes, ["id", "type", "title"]);
  const lanesById = new Map<string, Record<string, unknown>>();
  const laneList = lanes.records.map((r) => {
    const type = lanes.text(r, "type");
    const lane: Record<string, unknown> = { id: lanes.text(r, "id"), type, title: lanes.text(r, "title") };
    if (type === "emotion") lane.series = [];
    else if (type === "metrics") lane.rows = [];
    else lane.cells = {};
    lanesById.set(String(lane.id), lane);
    return lane;
  });
  readCards(reader(SHEET.cards, CARD_COLUMNS), lanesById);
  readEmotion(reader(SHEET.emotion, EMOTION_COLUMNS), lanesById);
  readMetrics(reader(SHEET.metrics, METRIC_COLUMNS), lanesById);
  const personas = reader(SHEET.personas, PERSONA_COLUMNS);
  return validateMapFile(
    {
      format: metaText("format"),
      schemaVersion: Number(metaText("fileSchemaVersion") || 1),
      exportedAt: metaText("exportedAt"),
      map: {
        schemaVersion: Number(metaText("schemaVersion") || 1),
        id: metaText("id"),
        title: metaText("title"),
        description: metaText("description"),
        lang: metaText("lang") || undefined,
        personaIds: splitList(metaText("personaIds")),
        segment: metaText("segment"),
        state: metaText("state") || undefined,
        templateId: metaText("templateId") || null,
        lastReviewedAt: metaText("lastReviewedAt") || null,
        funnelSettings: metaJson(metaText("funnelSettings"), filename),
        stages: stages.records.map((r) => ({
          id: stages.text(r, "id"),
          name: stages.text(r, "name"),
          description: stages.text(r, "description"),
          substeps: stages.text(r, "substeps") ? stages.text(r, "substeps").split("\n") : [],
          matchers: stages.json(r, "matchers", []),
        })),
        lanes: laneList,
      },
      personas: personas.records.map((r) => ({
        schemaVersion: personas.number(r, "schemaVersion") ?? 1,
        id: personas.text(r, "id"),
        name: personas.text(r, "name"),
        avatar: personas.text(r, "avatar"),
        color: personas.optionalText(r, "color"),
        age: personas.number(r, "age"),
        occupation: personas.text(r, "occupation"),
        context: personas.text(r, "context"),
        motivation: personas.text(r, "motivation"),
        pains: personas.text(r, "pains"),
        channels: splitList(personas.text(r, "channels")),
        quote: personas.text(r, "quote"),
        segment: personas.text(r, "segment"),
        segmentRule: personas.json(r, "segmentRule", []),
      })),
    },
    filename,
  );
}

function laneFor(
  lanesById: Map<string, Record<string, unknown>>,
  reader: SheetReader,
  record: SheetReader["records"][number],
  kind: string,
): Record<string, unknown> {
  const id = reader.text(record, "laneId");
  const lane = lanesById.get(id);
  if (!lane)
    throw new ImportError(`no lane "${id}" in the Lanes sheet`, reader.where(record.rowNumber, "laneId"));
  const fits = kind === "cards" ? lane.cells !== undefined : lane.type === kind;
  if (!fits)
    throw new ImportError(
      `lane "${id}" is a ${String(lane.type)} lane`,
      reader.where(record.rowNumber, "laneId"),
    );
  return lane;
}

function readCards(reader: SheetReader, lanesById: Map<string, Record<string, unknown>>): void {
  for (const r of reader.records) {
    const cells = laneFor(lanesById, reader, r, "cards").cells as Record<string, unknown[]>;
    const stageId = reader.text(r, "stageId");
    const metric = reader.text(r, "metric");
    const baseline = reader.number(r, "baseline");
    const target = reader.number(r, "target");
    const unit = reader.text(r, "unit");
    const hasMetric = metric !== "" || baseline !== null || target !== null || unit !== "";
    cells[stageId] ??= [];
    cells[stageId].push({
      id: reader.text(r, "id"),
      text: reader.text(r, "text"),
      source: reader.optionalText(r, "source"),
      evidenceNote: reader.text(r, "evidenceNote"),
      severity: reader.optionalText(r, "severity"),
      channel: reader.optionalText(r, "channel"),
      customChannel: reader.optionalText(r, "customChannel"),
      successMetric: hasMetric ? { metric, baseline, target, unit } : undefined,
    });
  }
}

function readEmotion(reader: SheetReader, lanesById: Map<string, Record<string, unknown>>): void {
  for (const r of reader.records) {
    const series = laneFor(lanesById, reader, r, "emotion").series as Record<string, unknown>[];
    const id = reader.text(r, "seriesId");
    let curve = series.find((s) => s.id === id);
    if (!curve) {
      curve = {
        id,
        label: reader.text(r, "seriesLabel"),
        personaId: reader.optionalText(r, "personaId") ?? null,
        state: reader.optionalText(r, "state"),
        points: {},
      };
      series.push(curve);
    }
    const stageId = reader.text(r, "stageId");
    if (!stageId) continue;
    const score = reader.number(r, "score");
    if (score === null) throw new ImportError("the score is empty", reader.where(r.rowNumber, "score"));
    (curve.points as Record<string, unknown>)[stageId] = { score, label: reader.text(r, "label") };
  }
}

function readMetrics(reader: SheetReader, lanesById: Map<string, Record<string, unknown>>): void {
  for (const r of reader.records) {
    const rows = laneFor(lanesById, reader, r, "metrics").rows as Record<string, unknown>[];
    const id = reader.text(r, "rowId");
    let row = rows.find((candidate) => candidate.id === id);
    if (!row) {
      row = {
        id,
        kind: reader.text(r, "kind"),
        name: reader.text(r, "name"),
        unit: reader.text(r, "unit"),
        source: reader.optionalText(r, "source"),
        values: {},
        targets: {},
        fromData: reader.json(r, "fromData", null),
      };
      rows.push(row);
    }
    const stageId = reader.text(r, "stageId");
    if (!stageId) continue;
    const values = row.values as Record<string, number | null>;
    if (reader.text(r, "value") === NULL_VALUE) values[stageId] = null;
    else {
      const value = reader.number(r, "value");
      if (value !== null) values[stageId] = value;
    }
    const target = reader.number(r, "target");
    if (target !== null) (row.targets as Record<string, number>)[stageId] = target;
  }
}

/** Every row of a sheet as plain values, 0-based columns. */
function sheetGrid(sheet: ExcelJS.Worksheet): SheetValue[][] {
  const grid: SheetValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: SheetValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = plainValue(cell.value);
    });
    grid[rowNumber - 1] = Array.from(values, (value) => value ?? null);
  });
  return Array.from(grid, (row) => row ?? []);
}

/** Flattens what Excel may store in a cell (rich text, formulas, links, dates) to text or a number. */
function plainValue(value: ExcelJS.CellValue): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return plainValue((value as ExcelJS.CellFormulaValue).result ?? null);
  if ("text" in value) return String(value.text);
  if ("error" in value) return null;
  return null;
}

function cellText(value: SheetValue): string {
  if (value === null) return "";
  return typeof value === "number" ? String(value) : value;
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function columnLetter(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
