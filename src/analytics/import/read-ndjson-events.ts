import type { EventRecord } from "../event.js";
import { nameProblem, validName } from "./check-name.js";
import type { ColumnMapping } from "./column-mapping.js";
import { EventBatches } from "./event-batches.js";
import { numberedLines } from "./numbered-lines.js";
import { parseTime, TIME_FORMATS_HINT } from "./parse-time.js";
import type { RowProblems } from "./row-problems.js";

export type NdjsonOptions = { file: string; source: string; mapping: ColumnMapping; problems: RowProblems };

/**
 * Events from JSON lines, one object per line: the mapped person, time (epoch number or date
 * string) and event fields, an optional `id`; a `properties` object and every other field become
 * properties.
 */
export async function* readNdjsonEvents(
  text: AsyncIterable<string>,
  options: NdjsonOptions,
): AsyncGenerator<EventRecord[]> {
  const batches = new EventBatches();
  for await (const lines of numberedLines(text)) {
    for (const { line, content } of lines) addLine(content, line, options, batches);
    if (batches.full) yield batches.take();
  }
  options.problems.finish();
  if (batches.size > 0) yield batches.take();
}

function addLine(content: string, line: number, options: NdjsonOptions, batches: EventBatches): void {
  const text = content.trim();
  if (text === "") return;
  const event = toEvent(text, line, options);
  if (event && !options.problems.failed) batches.add(event);
}

function toEvent(text: string, line: number, options: NdjsonOptions): EventRecord | undefined {
  const report = (reason: string, column = 1): undefined => {
    options.problems.report(line, column, reason, text);
    return undefined;
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    return report(`invalid JSON: ${message}`, position ? Number(position[1]) + 1 : 1);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return report("expected a JSON object per line");
  }
  const record = value as Record<string, unknown>;
  const { mapping } = options;
  const person = scalarText(record[mapping.person]);
  const event = scalarText(record[mapping.event]);
  const rawTime = record[mapping.time];
  if (!validName(person)) return report(nameProblem(mapping.person, person));
  if (!validName(event)) return report(nameProblem(mapping.event, event));
  const time = typeof rawTime === "number" || typeof rawTime === "string" ? parseTime(rawTime) : undefined;
  if (time === undefined) {
    return report(
      `${mapping.time} ${JSON.stringify(rawTime ?? null)} is not a date or time; ${TIME_FORMATS_HINT}`,
    );
  }
  const id = scalarText(record[mapping.id]);
  return {
    person,
    time,
    event,
    properties: properties(record, mapping),
    source: options.source,
    id: id || null,
  };
}

/** Ids often arrive as numbers (or as strings, for 64-bit ids); both become text. */
function scalarText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return "";
}

function properties(record: Record<string, unknown>, mapping: ColumnMapping): Record<string, unknown> {
  const mapped = new Set<string>([mapping.person, mapping.time, mapping.event, mapping.id]);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (mapped.has(key) || value === null || value === undefined) continue;
    if (key === "properties" && typeof value === "object" && !Array.isArray(value)) {
      Object.assign(result, value);
    } else {
      result[key] = value;
    }
  }
  return result;
}
