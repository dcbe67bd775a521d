import path from "node:path";
import type { ImportProblem } from "../../domain/analytics/event-import.js";
import type { ImportPreview } from "../../domain/analytics/import-preview.js";
import { TropaError } from "../../domain/errors.js";
import type { EventRecord } from "../event.js";
import { type ColumnMapping, DEFAULT_MAPPING, sameColumn } from "./column-mapping.js";
import { readCsvRecords } from "./csv-records.js";
import { decodeText } from "./decode-text.js";
import { detectDelimiter } from "./detect-delimiter.js";
import { openByteSource } from "./open-byte-source.js";
import { eventFormatOf, type Preset, readEventFile } from "./read-event-file.js";
import { RowProblems } from "./row-problems.js";

/** How many rows and events a preview shows. */
export const PREVIEW_ROWS = 20;

/** The preview's shape is the domain's, shared with the HTTP API and the web. */
export type EventFilePreview = ImportPreview;
export type PreviewProblem = ImportProblem;

export type PreviewOptions = {
  /** Columns the user named; the others are guessed from the header. */
  mapping?: Partial<ColumnMapping>;
  preset?: Preset;
};

type Table = { columns: string[]; rows: string[][] };

/** Usual names of each part in exports, tried when the default name is not in the header. */
const CANDIDATES: Record<"person" | "time" | "event", string[]> = {
  person: [
    "user_id",
    "userid",
    "user",
    "client_id",
    "customer_id",
    "person_id",
    "distinct_id",
    "visitor_id",
    "anonymous_id",
    "contact_id",
    "case_id",
    "case",
    "case:concept:name",
  ],
  time: ["timestamp", "datetime", "date", "event_time", "created_at", "occurred_at", "ts", "time:timestamp"],
  event: ["event_name", "name", "action", "activity", "stage", "status", "type", "concept:name"],
};

/**
 * Reads the start of an event file (a whole file or its first bytes) with `tropa import`'s readers:
 * raw columns and rows, the column mapping (given, default or guessed), the first events and the
 * problems of the first rows. Never throws for bad content: what is wrong goes to `problems`.
 * @example await previewEventFile("/tmp/upload/crm.csv", { mapping: { person: "client" } })
 */
export async function previewEventFile(
  file: string,
  options: PreviewOptions = {},
): Promise<EventFilePreview> {
  const name = path.basename(file);
  const problems: PreviewProblem[] = [];
  let format = "unknown";
  let table: Table = { columns: [], rows: [] };
  try {
    const bytes = await openByteSource(file);
    format = eventFormatOf(bytes.innerName, options.preset);
    if (format === "csv" || format === "tsv") table = await readCsvTable(bytes.chunks, name, format);
    else if (format === "ndjson") table = await readJsonTable(bytes.chunks, name);
  } catch (error) {
    problems.push(problemOf(error, name));
    return { format, columns: [], rows: [], mapping: null, events: [], problems };
  }
  const hasColumns = table.columns.length > 0;
  const mapping = hasColumns
    ? resolveMapping(table.columns, options.mapping ?? {})
    : fullMapping(options.mapping);
  if (!mapping) {
    problems.push({
      location: name,
      reason: `no ${missingParts(table.columns, options.mapping ?? {}).join(", ")} column found; choose the columns that hold the person, the time and the event`,
    });
    return { format, ...table, mapping: null, events: [], problems };
  }
  const events = await readFirstEvents(file, name, mapping, options.preset, problems);
  if (!hasColumns) Object.assign(table, tableOfEvents(events));
  return {
    format,
    ...table,
    mapping: { person: mapping.person, time: mapping.time, event: mapping.event },
    events,
    problems,
  };
}

async function readCsvTable(chunks: AsyncIterable<Uint8Array>, file: string, format: string): Promise<Table> {
  const text = decodeText(chunks, file);
  const records: string[][] = [];
  let delimiter: string | undefined = format === "tsv" ? "\t" : undefined;
  async function* sniffed(): AsyncGenerator<string> {
    for await (const chunk of text) {
      delimiter ??= detectDelimiter(chunk);
      yield chunk;
    }
  }
  const source = sniffed();
  const first = await source.next();
  if (first.done) return { columns: [], rows: [] };
  async function* all(): AsyncGenerator<string> {
    yield first.value;
    yield* source;
  }
  for await (const batch of readCsvRecords(all(), delimiter ?? ",")) {
    records.push(...batch.map((record) => record.fields.map((field) => field.trim())));
    if (records.length > PREVIEW_ROWS) break;
  }
  const [header = [], ...rows] = records;
  return { columns: header, rows: rows.slice(0, PREVIEW_ROWS) };
}

async function readJsonTable(chunks: AsyncIterable<Uint8Array>, file: string): Promise<Table> {
  const objects: Record<string, unknown>[] = [];
  let pending = "";
  for await (const chunk of decodeText(chunks, file)) {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) addObject(line, objects);
    if (objects.length >= PREVIEW_ROWS) break;
  }
  if (objects.length < PREVIEW_ROWS) addObject(pending, objects);
  const columns = [...new Set(objects.slice(0, PREVIEW_ROWS).flatMap((object) => Object.keys(object)))];
  const rows = objects
    .slice(0, PREVIEW_ROWS)
    .map((object) => columns.map((column) => cellText(object[column])));
  return { columns, rows };
}

function addObject(line: string, objects: Record<string, unknown>[]): void {
  if (line.trim() === "") return;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      objects.push(value as Record<string, unknown>);
    }
  } catch {
    // The readers report the line with its position below; the raw table just leaves it out.
  }
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function resolveMapping(columns: string[], given: Partial<ColumnMapping>): ColumnMapping | null {
  const find = (part: "person" | "time" | "event"): string | undefined => {
    const named = given[part];
    if (named) return columns.find((column) => sameColumn(column, named));
    for (const wanted of [DEFAULT_MAPPING[part], ...CANDIDATES[part]]) {
      const column = columns.find((c) => sameColumn(c, wanted));
      if (column) return column;
    }
    return undefined;
  };
  const person = find("person");
  const time = find("time");
  const event = find("event");
  if (!person || !time || !event || new Set([person, time, event]).size < 3) return null;
  return { person, time, event, id: given.id ?? DEFAULT_MAPPING.id };
}

function missingParts(columns: string[], given: Partial<ColumnMapping>): string[] {
  const parts = (["person", "time", "event"] as const).filter(
    (part) => !columns.some((column) => sameColumn(column, given[part] ?? DEFAULT_MAPPING[part])),
  );
  return parts.length > 0 ? parts : ["distinct person, time and event"];
}

/** Formats without a header (XES, presets) read fixed fields: the given names or the defaults. */
function fullMapping(given: Partial<ColumnMapping> | undefined): ColumnMapping {
  return { ...DEFAULT_MAPPING, ...given };
}

async function readFirstEvents(
  file: string,
  name: string,
  mapping: ColumnMapping,
  preset: Preset | undefined,
  problems: PreviewProblem[],
): Promise<EventRecord[]> {
  const events: EventRecord[] = [];
  const rows = new RowProblems(name, {
    skipInvalid: true,
    onReject: (problem) => {
      if (problems.length < PREVIEW_ROWS)
        problems.push({ location: problem.location, reason: problem.reason });
    },
  });
  try {
    const bytes = await openByteSource(file);
    const batches = readEventFile(bytes, { file: name, source: name, mapping, problems: rows, preset });
    for await (const batch of batches) {
      events.push(...batch.slice(0, PREVIEW_ROWS - events.length));
      if (events.length >= PREVIEW_ROWS) break;
    }
  } catch (error) {
    problems.push(problemOf(error, name));
  }
  return events;
}

function tableOfEvents(events: EventRecord[]): Table {
  const keys = [...new Set(events.flatMap((event) => Object.keys(event.properties)))];
  return {
    columns: ["person", "time", "event", ...keys],
    rows: events.map((event) => [
      event.person,
      new Date(event.time).toISOString(),
      event.event,
      ...keys.map((key) => cellText(event.properties[key])),
    ]),
  };
}

/** A reader's error as a problem; an unexpected one is a bug and goes up. */
function problemOf(error: unknown, file: string): PreviewProblem {
  if (!(error instanceof TropaError)) throw error;
  const location = error.location ?? file;
  const prefix = `${location}: `;
  const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { location, reason };
}
