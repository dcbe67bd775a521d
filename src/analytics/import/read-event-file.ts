import path from "node:path";
import { IMPORT_PRESETS, type ImportPreset } from "../../domain/analytics/event-import.js";
import { ImportError } from "../../domain/errors.js";
import type { EventRecord } from "../event.js";
import type { ColumnMapping } from "./column-mapping.js";
import { decodeText } from "./decode-text.js";
import { mapTableRows } from "./map-table-rows.js";
import { mappedColumns } from "./mapped-columns.js";
import type { ByteSource } from "./open-byte-source.js";
import { readPresetEvents } from "./presets/read-preset-events.js";
import { readCsvEvents } from "./read-csv-events.js";
import { readNdjsonEvents } from "./read-ndjson-events.js";
import { readParquetEvents } from "./read-parquet-events.js";
import { readXesEvents } from "./read-xes-events.js";
import { readXlsxRows } from "./read-xlsx-rows.js";
import type { RowProblems } from "./row-problems.js";

export type EventFormat = "csv" | "tsv" | "ndjson" | "xes" | "parquet" | "xlsx";
/** The preset names are shared with the server and the web. */
export { IMPORT_PRESETS as PRESETS, type ImportPreset as Preset };

/** The format of an event file by its (decompressed) name; `--preset xes` forces XES. */
export function eventFormatOf(innerName: string, preset: ImportPreset | undefined): EventFormat {
  if (preset === "xes") return "xes";
  const ext = path.extname(innerName).toLowerCase();
  if (ext === ".xes") return "xes";
  if (ext === ".tsv" || ext === ".tab") return "tsv";
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".ndjson" || ext === ".jsonl" || ext === ".json") return "ndjson";
  if (ext === ".parquet") return "parquet";
  if (ext === ".xlsx") return "xlsx";
  throw new ImportError(
    "unknown event file type; use .csv, .tsv, .ndjson/.jsonl/.json (one object per line), .parquet, .xlsx or .xes (also .gz, .zip), or --preset xes",
    innerName,
  );
}

export type ReadOptions = {
  file: string;
  source: string;
  mapping: ColumnMapping;
  problems: RowProblems;
  preset?: ImportPreset;
};

/** Streams the events of one file in batches, whatever its format and compression. */
export function readEventFile(bytes: ByteSource, options: ReadOptions): AsyncIterable<EventRecord[]> {
  const format = eventFormatOf(bytes.innerName, options.preset);
  if (format === "parquet") return readParquetEvents(bytes, options);
  if (options.preset && options.preset !== "xes")
    return readPresetEvents(bytes, format, options.preset, options);
  if (format === "xlsx") {
    const rows = readXlsxRows(bytes.chunks, options.file);
    return mapTableRows(rows, mappedColumns(options.mapping, options.file), options);
  }
  const text = decodeText(bytes.chunks, options.file);
  switch (format) {
    case "xes":
      return readXesEvents(text, options);
    case "ndjson":
      return readNdjsonEvents(text, options);
    case "tsv":
      return readCsvEvents(text, { ...options, delimiter: "\t" });
    case "csv":
      return readCsvEvents(text, options);
  }
}
