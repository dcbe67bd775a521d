import type { DuckDBConnection } from "@duckdb/node-api";
import { SESSION_GAP_MS } from "../../domain/analytics/funnel-query.js";
import type { PathsQuery, PathsResult, PersonPath } from "../../domain/analytics/paths-query.js";
import { UNMATCHED_SLOT } from "../event-order.js";
import { buildPathsResult } from "../paths-result.js";
import { alternativesSql } from "./matcher-sql.js";
import { segmentSql } from "./segment-sql.js";
import { SqlParams } from "./sql-params.js";

/**
 * The paths view over the `events` table (docs/analytics.md "Paths"). SQL finds each unit's
 * collapsed stage sequence and next event and groups identical ones, so only the distinct
 * (sequence, next event) pairs reach TypeScript, which tallies them (src/analytics/paths-result.ts).
 */
export async function getPathsFromDuckDb(
  connection: DuckDBConnection,
  query: PathsQuery,
): Promise<PathsResult> {
  const params = new SqlParams();
  const reader = await connection.runAndReadAll(pathsSql(query, params), params.values);
  const paths: PersonPath[] = reader.getRowObjectsJS().map((row) => ({
    stages: (row.stages as unknown[]).map(Number),
    nextEvent: row.next_event === null ? null : String(row.next_event),
    people: Number(row.people),
  }));
  return buildPathsResult(query, paths);
}

/**
 * `matched` reads only the segment's people, with all their events, so their sessions are cut as
 * without it. `sessions` cuts each person's events where more than 30 minutes pass (any events count; the
 * order within one instant cannot move a cut), `0` for every event with `unit: "person"`.
 * `ordered` numbers each unit's events as the funnel orders them (time, order key), then by event
 * name so the next event is well defined; `dedupe_key` last, which changes nothing since equal
 * time, key and name mean the same stage and the same next event.
 */
function pathsSql(query: PathsQuery, params: SqlParams): string {
  const flags = query.stages.map((stage, k) => `${alternativesSql(stage, params)} AS m${k + 1}`);
  const indexes = query.stages.map((_, k) => k + 1);
  const firstStage = `CASE ${indexes.map((k) => `WHEN m${k} THEN ${k}`).join(" ")} END`;
  const slots = indexes.map((k) => `CASE WHEN m${k} THEN '${String(k).padStart(3, "0")}' ELSE '' END`);
  return `WITH
  matched AS (
    SELECT person, epoch_ms(time) AS t, event, dedupe_key, ${flags.join(", ")}
    FROM events WHERE ${segmentSql(query.segment, params)}
  ),
  keyed AS (
    SELECT person, t, event, dedupe_key, ${firstStage} AS stage,
      coalesce(nullif(concat(${slots.join(", ")}), ''), '${UNMATCHED_SLOT}') AS order_key
    FROM matched
  ),
  sessions AS (${sessionsSql(query, params)}),
  ordered AS (
    SELECT person, session, event, stage,
      row_number() OVER (PARTITION BY person, session ORDER BY t, order_key, event, dedupe_key) AS pos
    FROM sessions
  ),
  last_stage AS (
    SELECT person, session, max(pos) AS last_pos FROM ordered WHERE stage IS NOT NULL GROUP BY person, session
  ),
  next_events AS (
    SELECT o.person, o.session, o.event
    FROM ordered o
    JOIN last_stage l ON o.person = l.person AND o.session = l.session AND o.pos = l.last_pos + 1
  ),
  collapsed AS (
    SELECT person, session, pos, stage FROM (
      SELECT person, session, pos, stage,
        lag(stage) OVER (PARTITION BY person, session ORDER BY pos) AS previous
      FROM ordered WHERE stage IS NOT NULL
    ) WHERE previous IS NULL OR previous <> stage
  ),
  sequences AS (
    SELECT person, session, list(stage ORDER BY pos) AS stages FROM collapsed GROUP BY person, session
  )
  SELECT s.stages, n.event AS next_event, count(*)::INTEGER AS people
  FROM sequences s LEFT JOIN next_events n ON s.person = n.person AND s.session = n.session
  GROUP BY s.stages, n.event`;
}

/** Each event with its session number within the person: a running count of the cuts before it. */
function sessionsSql(query: PathsQuery, params: SqlParams): string {
  if (query.unit === "person") return "SELECT *, 0 AS session FROM keyed";
  return `SELECT *, sum(new_session) OVER (PARTITION BY person ORDER BY t, dedupe_key ROWS UNBOUNDED PRECEDING) AS session
    FROM (
      SELECT *, CASE WHEN t - lag(t) OVER (PARTITION BY person ORDER BY t, dedupe_key) > ${params.bindInteger(SESSION_GAP_MS)}
        THEN 1 ELSE 0 END AS new_session
      FROM keyed
    )`;
}
