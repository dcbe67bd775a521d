import type { PropertyCondition } from "../../domain/analytics/event-matcher.js";
import { conditionsSql } from "./matcher-sql.js";
import type { SqlParams } from "./sql-params.js";

/**
 * A boolean SQL expression over a row of `table`: true when its person is in the segment, i.e. did
 * at least one event, at any time, meeting every condition (docs/analytics.md "Segment"); `true`
 * for an empty segment.
 */
export function segmentSql(segment: PropertyCondition[], table: string, params: SqlParams): string {
  if (segment.length === 0) return "true";
  return `person IN (SELECT person FROM ${table} WHERE ${conditionsSql(segment, params)})`;
}
