import type { EventRecord } from "../../event.js";
import { EventBatches } from "../event-batches.js";
import { mapRow, type RowMapperOptions } from "../map-table-rows.js";
import { numberedLines } from "../numbered-lines.js";
import type { RowMapper } from "./preset-event.js";
import { Row } from "./row.js";

/** Keys under which API responses and batch payloads carry their list of records. */
const LIST_KEYS = ["batch", "records", "data", "result.data"] as const;

/**
 * Events from JSON lines through a preset's mapper. A line holds one record, or a list of them: a
 * JSON array, a Segment `{"batch": [...]}`, or an API response saved on one line (Calltouch
 * `records`, Roistat `data`, CoMagic `result.data`). Problems point at `file:line:1`.
 */
export async function* mapJsonLines(
  text: AsyncIterable<string>,
  mapper: RowMapper,
  options: RowMapperOptions,
): AsyncGenerator<EventRecord[]> {
  const batches = new EventBatches();
  for await (const lines of numberedLines(text)) {
    for (const { line, content } of lines) addLine(content, line, mapper, options, batches);
    if (batches.full) yield batches.take();
  }
  options.problems.finish();
  if (batches.size > 0) yield batches.take();
}

function addLine(
  content: string,
  line: number,
  mapper: RowMapper,
  options: RowMapperOptions,
  batches: EventBatches,
): void {
  const text = content.trim();
  if (text === "") return;
  const report = (reason: string, column = 1): void => options.problems.report(line, column, reason, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    report(`invalid JSON: ${message}`, position ? Number(position[1]) + 1 : 1);
    return;
  }
  for (const record of recordsIn(value)) {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      report("expected a JSON object (or a list of them) per line");
      continue;
    }
    const row = new Row(record as Record<string, unknown>);
    const events = mapRow(row, mapper, options, (field, reason) =>
      report(field === "" || reason.includes(field) ? reason : `${field}: ${reason}`),
    );
    if (!options.problems.failed) for (const event of events) batches.add(event);
  }
}

function recordsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== "object" || value === null) return [value];
  const row = new Row(value as Record<string, unknown>);
  for (const key of LIST_KEYS) {
    const list = row.value([key]);
    if (Array.isArray(list)) return list;
  }
  return [value];
}
