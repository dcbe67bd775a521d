import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { ImportError } from "../../domain/errors.js";
import type { TableRow } from "./table-row.js";

/** Rows handed out together: enough to amortise the async hops, small enough to keep memory flat. */
const ROWS_PER_CHUNK = 1000;

/**
 * The rows of the first sheet of an XLSX workbook, streamed (exceljs' streaming reader: shared
 * strings are kept in memory, sheets are not). The first non-empty row is the header; later rows
 * are padded to its width, so cells Excel leaves out at the end of a row read as empty. Each
 * cell's column is its column number (A = 1), each row's line its row number.
 * Dates become `YYYY-MM-DD HH:MM:SS` wall-clock text, as a CSV saved from the same sheet would hold.
 */
export async function* readXlsxRows(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): AsyncGenerator<TableRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  let width = 0;
  let chunk: TableRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const fields = cellTexts(row.values);
        if (fields.every((field) => field === "")) continue;
        if (width === 0) width = lastFilled(fields) + 1;
        chunk.push(toTableRow(fields, width, row.number));
        if (chunk.length >= ROWS_PER_CHUNK) {
          yield chunk;
          chunk = [];
        }
      }
      break;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      `not a readable .xlsx workbook (${message}); save it again from Excel as .xlsx`,
      file,
    );
  }
  if (chunk.length > 0) yield chunk;
}

function toTableRow(cells: string[], width: number, line: number): TableRow {
  const fields =
    cells.length > width && cells.slice(width).every((cell) => cell === "") ? cells.slice(0, width) : cells;
  while (fields.length < width) fields.push("");
  return { fields, columns: fields.map((_, i) => i + 1), line, unclosedQuote: false };
}

function lastFilled(fields: string[]): number {
  for (let i = fields.length - 1; i >= 0; i--) if (fields[i] !== "") return i;
  return -1;
}

/** exceljs rows are sparse and 1-based: `values[1]` is column A. */
function cellTexts(values: ExcelJS.CellValue[] | { [key: string]: ExcelJS.CellValue }): string[] {
  const list = Array.isArray(values) ? values.slice(1) : [];
  return Array.from(list, (value) => cellText(value));
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return wallClock(value);
  if (typeof value === "object") return objectText(value);
  return String(value);
}

function objectText(value: object): string {
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((part: { text?: string }) => part.text ?? "").join("");
  }
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

/** Excel stores wall-clock times; exceljs hands them out as if they were UTC. */
function wallClock(date: Date): string {
  const iso = date.toISOString();
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === "000" ? "" : `.${ms}`}`;
}
