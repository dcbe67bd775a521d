import {
  type DuckDBConnection,
  DuckDBDoubleVector,
  DuckDBUIntegerVector,
  DuckDBVarCharVector,
} from "@duckdb/node-api";
import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";
import { EventColumns } from "../event-columns.js";
import type { PropertyOf } from "../ordered-unit-fold.js";
import { listColumn, maskSql } from "./list-columns.js";
import { alternativesSql } from "./matcher-sql.js";
import { segmentSql } from "./segment-sql.js";
import { SqlParams } from "./sql-params.js";

/**
 * Hands each person's funnel events to `visit`, as columns in no particular order (the caller puts
 * them in event order): DuckDB filters the events, computes the step and exclusion bitmasks and
 * groups them by person into lists, a hash aggregation with no sort of the whole table; the lists
 * are read straight from the result's vectors, chunk by chunk, never as row objects.
 * `propertyOf(origin)` gives the breakdown property text of the events that may be attributed (null
 * for the others). `visit` must not keep `events` or `propertyOf`: both are reused for the next person.
 */
export async function forEachPersonEvents(
  connection: DuckDBConnection,
  query: FunnelQuery,
  visit: (events: EventColumns, propertyOf: PropertyOf) => void,
): Promise<void> {
  const params = new SqlParams();
  const result = await connection.stream(personEventListsSql(query, params), params.values);
  const events = new EventColumns();
  const values: { vector: DuckDBVarCharVector | null; offset: number } = { vector: null, offset: 0 };
  const propertyOf: PropertyOf = (origin) => values.vector?.getItem(values.offset + origin) ?? null;
  for await (const chunk of result) {
    const times = listColumn(chunk, 0, DuckDBDoubleVector);
    const steps = listColumn(chunk, 1, DuckDBUIntegerVector);
    const exclusions = query.exclusions.length > 0 ? listColumn(chunk, 2, DuckDBUIntegerVector) : null;
    const texts = query.breakdown ? listColumn(chunk, chunk.columnCount - 1, DuckDBVarCharVector) : null;
    values.vector = texts?.items ?? null;
    const rows = chunk.rowCount; // a native call: read once per chunk
    for (let row = 0; row < rows; row++) {
      const count = times.lists.getEntryLength(row);
      const timeAt = times.lists.getEntryOffset(row);
      const stepAt = steps.lists.getEntryOffset(row);
      const exclusionAt = exclusions?.lists.getEntryOffset(row) ?? 0;
      events.clear();
      for (let i = 0; i < count; i++) {
        events.push(
          times.items.getItem(timeAt + i) ?? 0,
          steps.items.getItem(stepAt + i) ?? 0,
          exclusions?.items.getItem(exclusionAt + i) ?? 0,
        );
      }
      values.offset = texts?.lists.getEntryOffset(row) ?? 0;
      visit(events, propertyOf);
    }
  }
}

/**
 * One row per person: `list(t)` (epoch ms), `list(sm)` (bit k: matches step k+1), with exclusions
 * `list(xm)` (bit i: matches exclusion i+1), with a breakdown `list(v)`, the property text of the
 * events matching the attributed step. Strict funnels keep every event of the person (any event
 * breaks a chain), session funnels too (any event keeps a session alive); the others only events
 * matching a step or an exclusion. Only events from the entry start to the entry end plus the
 * window can belong to a chain, sit between its steps or exclude it. The lists of one row are
 * aligned element by element: the hash aggregation appends to all aggregates of a group from the
 * same input row and combines their partial states together (one list of structs would guarantee
 * it by construction, but the node API reads struct children only value by value).
 */
function personEventListsSql(query: FunnelQuery, params: SqlParams): string {
  const steps = query.steps.map((step, k) => `${alternativesSql(step, params)} AS m${k}`);
  const exclusions = query.exclusions.map((x, i) => `${alternativesSql(x, params)} AS x${i}`);
  const stepMask = maskSql(query.steps.map((_, k) => `m${k}`));
  const exclusionMask = maskSql(query.exclusions.map((_, i) => `x${i}`));
  const columns = [`epoch_ms(time)::DOUBLE AS t`, `${stepMask} AS sm`];
  const lists = ["list(t)", "list(sm)"];
  if (query.exclusions.length > 0) {
    columns.push(`${exclusionMask} AS xm`);
    lists.push("list(xm)");
  }
  if (query.breakdown) {
    const path = params.bind(`$."${query.breakdown.property}"`);
    columns.push(`CASE WHEN ${attributedSql(query)} THEN json_extract_string(properties, ${path}) END AS v`);
    lists.push("list(v)");
  }
  const everyEvent = query.order === "strict" || query.unit === "session";
  const relevant = everyEvent
    ? "true"
    : [...query.steps.map((_, k) => `m${k}`), ...query.exclusions.map((_, i) => `x${i}`)].join(" OR ");
  return `SELECT ${lists.join(", ")}
  FROM (
    SELECT person, ${columns.join(", ")}
    FROM (
      SELECT person, time, properties, ${[...steps, ...exclusions].join(", ")}
      FROM events WHERE ${timeFilterSql(query, params)} AND ${segmentSql(query.segment, params)}
    )
    WHERE ${relevant}
  )
  GROUP BY person`;
}

/** The events whose property the breakdown may use: those matching the attributed step (any step for "last"). */
function attributedSql(query: FunnelQuery): string {
  const breakdown = query.breakdown;
  if (breakdown?.attribution === "first") return "m0";
  if (breakdown?.attribution === "step") return `m${(breakdown.step ?? 1) - 1}`;
  return `(${query.steps.map((_, k) => `m${k}`).join(" OR ")})`;
}

function timeFilterSql(query: FunnelQuery, params: SqlParams): string {
  const conditions = ["true"];
  if (query.from !== undefined) conditions.push(`epoch_ms(time) >= ${params.bindInteger(query.from)}`);
  if (query.to !== undefined)
    conditions.push(`epoch_ms(time) < ${params.bindInteger(query.to + query.windowMs)}`);
  return conditions.join(" AND ");
}
