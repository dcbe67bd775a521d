import { open } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { exportLabels } from "../exchange/export-labels.js";

export type ImportFileKind = "map" | "events";

const HEAD_BYTES = 64 * 1024;
const LANGS = ["en", "ru"] as const;

/**
 * Whether `tropa import` reads a file as a Tropa map or as events, by content: a `.json` that
 * declares `"format": "tropa.map"`, an `.xlsx` with a "Map" sheet, or a `.csv` whose header starts
 * with `lane` (or its Russian heading `дорожка`) is a map (what `tropa export` writes); every other file holds events.
 */
export async function importFileKind(file: string): Promise<ImportFileKind> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return /"format"\s*:\s*"tropa\.map"/.test(await readHead(file)) ? "map" : "events";
  if (ext === ".csv") return isMapHeader(firstLine(await readHead(file))) ? "map" : "events";
  if (ext === ".xlsx") return (await hasMapSheet(file)) ? "map" : "events";
  return "events";
}

async function readHead(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** The first header cell of a map CSV is the lane heading, in any language the exports write. */
function isMapHeader(line: string): boolean {
  const first = line.replace(/^\uFEFF/, "").split(/[,;\t]/, 1)[0] ?? "";
  const cell = first.trim().replace(/^"|"$/g, "").toLowerCase();
  return LANGS.some((lang) => exportLabels(lang).lane.toLowerCase() === cell);
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? "";
}

async function hasMapSheet(file: string): Promise<boolean> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.some((sheet) => sheet.name === "Map");
}
