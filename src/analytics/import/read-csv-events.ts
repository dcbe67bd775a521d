import { ImportError } from "../../domain/errors.js";
import type { EventRecord } from "../event.js";
import { nameProblem, validName } from "./check-name.js";
import { type ColumnMapping, sameColumn } from "./column-mapping.js";
import { type CsvRecord, readCsvRecords } from "./csv-records.js";
import { detectDelimiter } from "./detect-delimiter.js";
import { EventBatches } from "./event-batches.js";
import { parseNumber } from "./parse-number.js";
import { parseTime, TIME_FORMATS_HINT } from "./parse-time.js";
import type { RowProblems } from "./row-problems.js";

export type CsvOptions = {
  file: string;
  source: string;
  mapping: ColumnMapping;
  problems: RowProblems;
  /** Forced delimiter (`.tsv` files); detected from the first lines otherwise. */
  delimiter?: string;
};

type Layout = { header: string[]; person: number; time: number; event: number; id: number };

/**
 * Events from a CSV/TSV file with a header row: the mapped person, time and event columns (and
 * `id` when present); every other non-empty cell becomes a property, numbers parsed as numbers.
 */
export async function* readCsvEvents(
  text: AsyncIterable<string>,
  options: CsvOptions,
): AsyncGenerator<EventRecord[]> {
  const { first, rest } = await peek(text);
  const delimiter = options.delimiter ?? detectDelimiter(first);
  let layout: Layout | undefined;
  const batches = new EventBatches();
  for await (const records of readCsvRecords(rest, delimiter)) {
    for (const record of records) {
      if (!layout) {
        layout = readHeader(record, options);
        continue;
      }
      const event = toEvent(record, layout, options);
      if (event && !options.problems.failed) batches.add(event);
    }
    if (batches.full) yield batches.take();
  }
  if (!layout) throw new ImportError("the file is empty; expected a header row", options.file);
  options.problems.finish();
  if (batches.size > 0) yield batches.take();
}

/** The first chunk (for sniffing) and a stream that still starts with it. */
async function peek(text: AsyncIterable<string>): Promise<{ first: string; rest: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first = head.done ? "" : head.value;
  async function* rest(): AsyncGenerator<string> {
    yield first;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { first, rest: rest() };
}

function readHeader(record: CsvRecord, options: CsvOptions): Layout {
  const header = uniqueNames(record.fields.map((name) => name.trim()));
  const find = (wanted: string): number => header.findIndex((name) => sameColumn(name, wanted));
  const layout = {
    header,
    person: find(options.mapping.person),
    time: find(options.mapping.time),
    event: find(options.mapping.event),
    id: find(options.mapping.id),
  };
  for (const part of ["person", "time", "event"] as const) {
    if (layout[part] < 0) {
      throw new ImportError(
        `no "${options.mapping[part]}" column in the header (${header.join(", ")}); name the ${part} column with --map ${part}=COLUMN`,
        `${options.file}:${record.line}:1`,
      );
    }
  }
  return layout;
}

/** Duplicate headers keep both columns: the second `utm_source` becomes `utm_source#2`. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}#${count}`;
  });
}

function toEvent(record: CsvRecord, layout: Layout, options: CsvOptions): EventRecord | undefined {
  const { fields, columns, line } = record;
  const report = (index: number, reason: string): undefined => {
    const column = columns[index] ?? columns[columns.length - 1] ?? 1;
    options.problems.report(line, column, reason, rowObject(layout.header, fields));
    return undefined;
  };
  if (record.unclosedQuote) return report(fields.length - 1, "a quoted field is never closed");
  if (fields.length !== layout.header.length) {
    return report(
      Math.min(fields.length, layout.header.length) - 1,
      `${fields.length} fields, but the header has ${layout.header.length}`,
    );
  }
  const person = (fields[layout.person] ?? "").trim();
  const event = (fields[layout.event] ?? "").trim();
  const timeText = (fields[layout.time] ?? "").trim();
  if (!validName(person)) return report(layout.person, nameProblem("person", person));
  if (!validName(event)) return report(layout.event, nameProblem("event", event));
  const time = parseTime(timeText);
  if (time === undefined)
    return report(layout.time, `time "${timeText}" is not a date or time; ${TIME_FORMATS_HINT}`);
  const id = layout.id >= 0 ? (fields[layout.id] ?? "").trim() : "";
  return {
    person,
    time,
    event,
    properties: properties(fields, layout),
    source: options.source,
    id: id || null,
  };
}

function properties(fields: string[], layout: Layout): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [i, name] of layout.header.entries()) {
    if (i === layout.person || i === layout.time || i === layout.event || i === layout.id) continue;
    const value = (fields[i] ?? "").trim();
    if (value !== "") result[name] = parseNumber(value) ?? value;
  }
  return result;
}

function rowObject(header: string[], fields: string[]): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [i, value] of fields.entries()) row[header[i] ?? `column ${i + 1}`] = value;
  return row;
}
