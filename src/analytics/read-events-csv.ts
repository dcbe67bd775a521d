import Papa from "papaparse";
import { ImportError } from "../domain/errors.js";
import type { EventRecord } from "./event.js";

const REQUIRED = ["person", "time", "event"] as const;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EPOCH_MS = /^-?\d+$/;

/**
 * Events from a small CSV with the header `person,time,event[,…]`; other columns become string
 * properties. `time` is ISO 8601 (no offset means UTC) or epoch milliseconds. The first bad row
 * fails the whole file with `FILE: line N, column "time": reason`. For `tropa funnel --events`;
 * workspace imports (encodings, presets, streaming) go through src/analytics/import.
 */
export function readEventsCsv(text: string, file: string): EventRecord[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  const columns = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new ImportError(
      `the header needs the columns person, time, event (missing: ${missing.join(", ")})`,
      `${file}: line 1`,
    );
  }
  const syntax = parsed.errors[0];
  if (syntax) throw new ImportError(syntax.message, `${file}: line ${(syntax.row ?? 0) + 2}`);
  const extra = columns.filter((name) => !(REQUIRED as readonly string[]).includes(name));
  return parsed.data.map((row, index) => toEvent(row, extra, `${file}: line ${index + 2}`));
}

function toEvent(row: Record<string, string>, extra: string[], line: string): EventRecord {
  const person = required(row, "person", line);
  const event = required(row, "event", line);
  const time = parseTime(required(row, "time", line));
  if (time === undefined) {
    throw new ImportError(
      `"${row.time}" is not a time; use ISO 8601 (2024-06-01T12:00:00Z) or epoch milliseconds`,
      `${line}, column "time"`,
    );
  }
  const properties: Record<string, unknown> = {};
  for (const name of extra) if (row[name]) properties[name] = row[name];
  return { person, time, event, properties, source: "", id: null };
}

function required(row: Record<string, string>, column: string, line: string): string {
  const value = (row[column] ?? "").trim();
  if (!value) throw new ImportError("must not be empty", `${line}, column "${column}"`);
  return value;
}

function parseTime(text: string): number | undefined {
  if (EPOCH_MS.test(text)) return Number(text);
  if (!ISO_TIME.test(text)) return undefined;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) || text.length === 10 ? text : `${text}Z`;
  const time = Date.parse(withZone.replace(" ", "T"));
  return Number.isNaN(time) ? undefined : time;
}
