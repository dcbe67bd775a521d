import type { PathsQuery, PathsResult, PersonPath } from "../../domain/analytics/paths-query.js";
import { UNMATCHED_SLOT } from "../event-order.js";
import { buildPathsResult } from "../paths-result.js";
import type { ClickHouseTransport } from "./clickhouse-transport.js";
import { anyMatcherSql } from "./matcher-sql.js";
import { segmentSql } from "./segment-sql.js";
import { withSessionsSql } from "./sessions-sql.js";
import { SqlParams } from "./sql-params.js";

/**
 * The paths view over a ClickHouse events table (docs/analytics.md "Paths"). SQL sorts each
 * unit's (person's or session's) events into one array, collapses the stage sequence and finds the next event, and
 * groups identical (sequence, next event) pairs; TypeScript tallies them (src/analytics/paths-result.ts).
 */
export async function getPathsFromClickHouse(
  transport: ClickHouseTransport,
  table: string,
  query: PathsQuery,
): Promise<PathsResult> {
  const params = new SqlParams();
  const rows = await transport.query(pathsSql(query, table, params), params.values);
  const paths: PersonPath[] = rows.map((row) => ({
    stages: (row.stages as unknown[]).map(Number),
    nextEvent: row.next_event === null ? null : String(row.next_event),
    people: Number(row.people),
  }));
  return buildPathsResult(query, paths);
}

/**
 * Each unit's events sorted as the funnel orders them (time, order key), then by event name so
 * the next event is well defined; `stage` is the first stage an event matches (0: none). Only
 * the segment's people are read, with all their events, so their sessions are cut as without it.
 */
function pathsSql(query: PathsQuery, table: string, params: SqlParams): string {
  const flags = query.stages.map((stage, k) => `${anyMatcherSql(stage, params)} AS m${k + 1}`);
  const indexes = query.stages.map((_, k) => k + 1);
  const firstStage = `multiIf(${indexes.map((k) => `m${k}, ${k}`).join(", ")}, 0)`;
  const slots = indexes.map((k) => `if(m${k}, '${String(k).padStart(3, "0")}', '')`);
  const matched = `SELECT person, toUnixTimestamp64Milli(time) AS t, event, dedupe_key, ${flags.join(", ")}
    FROM ${table} WHERE ${segmentSql(query.segment, table, params)}`;
  const units =
    query.unit === "session" ? withSessionsSql(matched, params) : `SELECT *, 0 AS session FROM (${matched})`;
  return `
  SELECT stages, next_event, count() AS people
  FROM (
    SELECT
      arrayMap(e -> tupleElement(e, 4), evs) AS all_stages,
      arrayLastIndex(x -> x > 0, all_stages) AS last_index,
      if(last_index < length(evs), toNullable(tupleElement(evs[last_index + 1], 3)), NULL) AS next_event,
      arrayFilter(x -> x > 0, all_stages) AS staged,
      arrayFilter((x, previous) -> x != previous, staged, arrayPushFront(arrayPopBack(staged), 0)) AS stages
    FROM (
      SELECT arraySort(groupArray((t, order_key, event, stage))) AS evs
      FROM (
        SELECT person, session, t, toString(event) AS event, ${firstStage} AS stage,
          concat(${slots.join(", ")}) AS slots, if(slots = '', '${UNMATCHED_SLOT}', slots) AS order_key
        FROM (${units})
      )
      GROUP BY person, session
    )
    WHERE last_index > 0
  )
  GROUP BY stages, next_event`;
}
