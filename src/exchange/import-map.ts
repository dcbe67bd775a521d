import { ImportError } from "../domain/errors.js";
import { importCsv } from "./csv-format.js";
import { importJson } from "./json-format.js";
import type { MapFile } from "./map-file.js";

export const IMPORT_FORMATS = ["json", "xlsx", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Maps are small documents; anything larger is a mistake or an attack, and is refused before parsing. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reads an uploaded map. The ids are the file's own: give them fresh ids before storing a copy.
 * Throws ImportError naming the file and, where it can, the sheet, row and column.
 */
export async function importMap(bytes: Uint8Array, format: ImportFormat, filename: string): Promise<MapFile> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) {
    throw new ImportError(
      `the file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB; maps up to ${IMPORT_MAX_BYTES / 1024 / 1024} MiB can be imported`,
      filename,
    );
  }
  if (bytes.byteLength === 0) throw new ImportError("the file is empty", filename);
  switch (format) {
    case "json":
      return importJson(decodeText(bytes, filename), filename);
    case "csv":
      return importCsv(decodeText(bytes, filename), filename);
    case "xlsx":
      // Loaded on first use: exceljs alone takes a good part of a second to load.
      return (await import("./xlsx-import.js")).importXlsx(bytes, filename);
  }
}

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** Guesses the format from a file name: `map.xlsx` → "xlsx"; undefined when unknown. */
export function importFormatOf(filename: string): ImportFormat | undefined {
  const extension = filename.toLowerCase().split(".").pop() ?? "";
  return isImportFormat(extension) ? extension : undefined;
}

function decodeText(bytes: Uint8Array, filename: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Russian Excel saves CSV as Windows-1251 by default.
    if (filename.toLowerCase().endsWith(".csv")) return new TextDecoder("windows-1251").decode(bytes);
    throw new ImportError("the file is not UTF-8 text", filename);
  }
}
