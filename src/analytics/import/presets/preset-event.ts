import type { EventRecord } from "../../event.js";
import type { Row } from "./row.js";

/** An event as a preset builds it; the reader adds the import's `source`. */
export type PresetEvent = Omit<EventRecord, "source">;

/** Turns one record of an export into its events (none, one or several); throws RowFault for a bad row. */
export type RowMapper = (row: Row) => PresetEvent[];

/** Properties without the empty ones, so absent export columns do not clutter every event. */
export function compact(properties: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === "") continue;
    result[key] = value;
  }
  return result;
}
