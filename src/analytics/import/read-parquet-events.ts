import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { ImportError } from "../../domain/errors.js";
import type { EventRecord } from "../event.js";
import { nameProblem, validName } from "./check-name.js";
import { type ColumnMapping, sameColumn } from "./column-mapping.js";
import { EventBatches } from "./event-batches.js";
import type { ByteSource } from "./open-byte-source.js";
import { parseTime, TIME_FORMATS_HINT } from "./parse-time.js";
import type { RowProblems } from "./row-problems.js";

export type ParquetOptions = {
  file: string;
  source: string;
  mapping: ColumnMapping;
  problems: RowProblems;
};

/** The optional columns a Parquet event file may carry besides the mapped ones. */
const PROPERTIES_COLUMN = "properties";
const SOURCE_COLUMN = "source";

export type Column = { name: string; type: string };
export type Layout = {
  columns: Column[];
  person: Column;
  time: Column;
  event: Column;
  id: Column | undefined;
  properties: Column | undefined;
  source: Column | undefined;
  /** Every other column: each becomes a property when not null. */
  extra: Column[];
};
type ParquetRow = {
  person: unknown;
  time: unknown;
  event: unknown;
  id: unknown;
  props: unknown;
  source: unknown;
  extra: unknown;
};

/**
 * Events from a Parquet file (read by DuckDB's built-in `read_parquet`), in batches: the mapped
 * person, time and event columns, `id`, `source` and `properties` (a JSON object as text, a STRUCT
 * or a MAP) when present; every other non-null column becomes a property. Time may be a TIMESTAMP,
 * a DATE, epoch seconds/ms/µs or text (as in CSV). Problems are reported as `file:row:column`.
 */
export async function* readParquetEvents(
  bytes: ByteSource,
  options: ParquetOptions,
): AsyncGenerator<EventRecord[]> {
  // DuckDB reads Parquet from a file (it seeks to the footer): the bytes are spooled to one first,
  // which also covers `.parquet.gz` and zip archives.
  const dir = await mkdtemp(path.join(tmpdir(), "tropa-parquet-"));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const file = path.join(dir, "events.parquet");
    await pipeline(bytes.chunks, createWriteStream(file));
    const layout = await readLayout(connection, file, options);
    yield* readRows(connection, file, layout, options);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The file's columns and which of them hold the person, time, event and the optional parts. */
export async function readLayout(
  connection: DuckDBConnection,
  file: string,
  options: Pick<ParquetOptions, "file" | "mapping">,
): Promise<Layout> {
  let columns: Column[];
  try {
    const reader = await connection.runAndReadAll("DESCRIBE SELECT * FROM read_parquet($1)", [file]);
    columns = reader
      .getRowObjectsJS()
      .map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ImportError(`not a readable Parquet file (${message})`, options.file);
  }
  const find = (wanted: string): Column | undefined => columns.find((c) => sameColumn(c.name, wanted));
  const required = (part: "person" | "time" | "event"): Column => {
    const column = find(options.mapping[part]);
    if (column) return column;
    throw new ImportError(
      `no "${options.mapping[part]}" column (${columns.map((c) => c.name).join(", ")}); name the ${part} column with --map ${part}=COLUMN`,
      options.file,
    );
  };
  const layout = {
    columns,
    person: required("person"),
    time: required("time"),
    event: required("event"),
    id: find(options.mapping.id),
    properties: find(PROPERTIES_COLUMN),
    source: find(SOURCE_COLUMN),
  };
  const used = new Set([
    layout.person,
    layout.time,
    layout.event,
    layout.id,
    layout.properties,
    layout.source,
  ]);
  return { ...layout, extra: columns.filter((c) => !used.has(c)) };
}

async function* readRows(
  connection: DuckDBConnection,
  file: string,
  layout: Layout,
  options: ParquetOptions,
): AsyncGenerator<EventRecord[]> {
  const result = await connection.stream(selectSql(layout), [file]);
  const batches = new EventBatches();
  let line = 0;
  for await (const rows of result.yieldRowObjectJs()) {
    for (const row of rows as ParquetRow[]) {
      line += 1;
      const event = toEvent(row, line, layout, options);
      if (event && !options.problems.failed) batches.add(event);
    }
    if (batches.full) yield batches.take();
  }
  options.problems.finish();
  if (batches.size > 0) yield batches.take();
}

function selectSql(layout: Layout): string {
  const text = (column: Column | undefined): string =>
    column ? `CAST(${quote(column)} AS VARCHAR)` : "NULL";
  const json = (column: Column | undefined): string =>
    !column ? "NULL" : isText(column) ? quote(column) : `to_json(${quote(column)})::VARCHAR`;
  const extra =
    layout.extra.length === 0
      ? "NULL"
      : `to_json({${layout.extra.map((c) => `${sqlText(c.name)}: ${quote(c)}`).join(", ")}})::VARCHAR`;
  return `SELECT ${text(layout.person)} AS person, ${timeSql(layout.time)} AS time, ${text(layout.event)} AS event,
    ${text(layout.id)} AS id, ${json(layout.properties)} AS props, ${text(layout.source)} AS source, ${extra} AS extra
    FROM read_parquet($1)`;
}

/** Timestamps and dates become epoch ms in SQL; numbers and text go through parseTime as in CSV. */
export function timeSql(column: Column): string {
  if (/^(TIMESTAMP|DATE)/.test(column.type)) return `epoch_ms(CAST(${quote(column)} AS TIMESTAMP))`;
  if (/INT|DOUBLE|FLOAT|DECIMAL/.test(column.type)) return `CAST(${quote(column)} AS DOUBLE)`;
  return `CAST(${quote(column)} AS VARCHAR)`;
}

function isText(column: Column): boolean {
  return column.type === "VARCHAR" || column.type === "JSON";
}

function toEvent(
  row: ParquetRow,
  line: number,
  layout: Layout,
  options: ParquetOptions,
): EventRecord | undefined {
  const report = (column: Column, reason: string): undefined => {
    options.problems.report(line, layout.columns.indexOf(column) + 1, reason, row);
    return undefined;
  };
  const person = String(row.person ?? "").trim();
  const event = String(row.event ?? "").trim();
  if (!validName(person)) return report(layout.person, nameProblem("person", person));
  if (!validName(event)) return report(layout.event, nameProblem("event", event));
  const time = toTime(row.time);
  if (time === undefined)
    return report(layout.time, `time "${String(row.time)}" is not a date or time; ${TIME_FORMATS_HINT}`);
  const properties = parseObject(row.props);
  if (properties === undefined && layout.properties) {
    return report(layout.properties, "properties must be a JSON object");
  }
  const id = String(row.id ?? "").trim();
  return {
    person,
    time,
    event,
    properties: { ...withoutNulls(parseObject(row.extra) ?? {}), ...properties },
    source: String(row.source ?? "").trim() || options.source,
    id: id || null,
  };
}

function toTime(value: unknown): number | undefined {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string") return parseTime(value);
  return undefined;
}

/** `{}` for a missing value, undefined when the value is not a JSON object. */
function parseObject(value: unknown): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(String(value));
    if (parsed === null) return {};
    return typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function withoutNulls(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null));
}

export function quote(column: Column): string {
  return `"${column.name.replaceAll('"', '""')}"`;
}

function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
