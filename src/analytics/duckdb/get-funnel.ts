import type { DuckDBConnection } from "@duckdb/node-api";
import {
  excludedGaps,
  type FunnelQuery,
  type FunnelResult,
  SESSION_GAP_MS,
} from "../../domain/analytics/funnel-query.js";
import { anyOrderOutcome } from "../any-order-level.js";
import { EXCLUSION_SLOT_BASE, UNMATCHED_SLOT } from "../event-order.js";
import { periodStart } from "../funnel-period.js";
import { type FunnelTally, resultFromTally, type UnitGroup } from "../funnel-result.js";
import type { UnitEvent } from "../unit-event.js";
import { readTally, tallySql } from "./funnel-tally-sql.js";
import { alternativesSql, conditionsSql } from "./matcher-sql.js";
import { SqlParams } from "./sql-params.js";

/**
 * The funnel over the `events` table (docs/analytics.md). Sequential and strict order run wholly in
 * SQL; any order fetches each unit's matching events in order and solves the step matching in
 * TypeScript (src/analytics/any-order-level.ts), because it is a bipartite matching per window.
 */
export async function getFunnelFromDuckDb(
  connection: DuckDBConnection,
  query: FunnelQuery,
): Promise<FunnelResult> {
  const params = new SqlParams();
  const units = unitEventsSql(query, params);
  if (query.order === "any") return anyOrderFunnel(connection, query, units, params);
  const sql = `WITH ${units}, ${levelsSql(query, params)}, ${tallySql(query, params)}`;
  const reader = await connection.runAndReadAll(sql, params.values);
  return resultFromTally(query, readTally(reader.getRowObjectsJS()[0] ?? {}));
}

/**
 * CTE `ordered`: one row per event that can matter, with its unit (person, session), time `t` in
 * epoch ms, step flags m1..mN, exclusion flags per gap xg1..xg(N−1) and position `pos` in the
 * agreed order (time, order key, then dedupe_key — any tie-break gives the same funnel).
 */
function unitEventsSql(query: FunnelQuery, params: SqlParams): string {
  const stepCount = query.steps.length;
  const steps = query.steps.map((step, k) => `${alternativesSql(step, params)} AS m${k + 1}`);
  const exclusions = query.exclusions.map((x, i) => `${alternativesSql(x, params)} AS x${i + 1}`);
  const value = query.breakdown
    ? [`json_extract_string(properties, ${params.bind(`$."${query.breakdown.property}"`)}) AS v`]
    : [];
  const gapFlags = range(stepCount - 1).map((gap) => {
    const covering = query.exclusions.flatMap((x, i) =>
      excludedGaps(x, stepCount).includes(gap) ? [`x${i + 1}`] : [],
    );
    return `${covering.length > 0 ? covering.join(" OR ") : "false"} AS xg${gap}`;
  });
  const slots = [
    ...range(stepCount).map((k) => `CASE WHEN m${k} THEN '${pad(k)}' ELSE '' END`),
    ...range(query.exclusions.length).map(
      (i) => `CASE WHEN x${i} THEN '${pad(EXCLUSION_SLOT_BASE + i - 1)}' ELSE '' END`,
    ),
  ];
  const anyFlag = [
    ...range(stepCount).map((k) => `m${k}`),
    ...range(query.exclusions.length).map((i) => `x${i}`),
  ];
  // Strict order needs every event of the unit (any other event breaks a chain); the other modes
  // only the events that match a step or an exclusion. Sessions are split on all events first.
  const relevant = query.order === "strict" ? "true" : anyFlag.join(" OR ");
  return `
  matched AS (
    SELECT person, epoch_ms(time) AS t, dedupe_key, ${[...steps, ...exclusions, ...value].join(", ")}
    FROM events WHERE ${timeFilterSql(query, params)}${segmentSql(query, params)}
  ),
  gapped AS (
    SELECT *, CASE WHEN t - lag(t) OVER (PARTITION BY person ORDER BY t, dedupe_key) > ${params.bindInteger(SESSION_GAP_MS)}
      THEN 1 ELSE 0 END AS new_session
    FROM matched
  ),
  sessions AS (
    SELECT *, ${query.unit === "session" ? "sum(new_session) OVER (PARTITION BY person ORDER BY t, dedupe_key ROWS UNBOUNDED PRECEDING)" : "0"} AS session
    FROM gapped
  ),
  keyed AS (
    SELECT *, ${gapFlags.length > 0 ? `${gapFlags.join(", ")}, ` : ""}
      coalesce(nullif(concat(${slots.join(", ")}), ''), '${UNMATCHED_SLOT}') AS order_key
    FROM sessions WHERE ${relevant}
  ),
  ordered AS (
    SELECT *, row_number() OVER (PARTITION BY person, session ORDER BY t, order_key, dedupe_key) AS pos
    FROM keyed
  )`;
}

/**
 * Only events from the entry start to the entry end plus the window can belong to a chain, sit
 * between its steps or exclude it, and sessions are cut the same way without earlier events.
 */
function timeFilterSql(query: FunnelQuery, params: SqlParams): string {
  const conditions = ["true"];
  if (query.from !== undefined) conditions.push(`epoch_ms(time) >= ${params.bindInteger(query.from)}`);
  if (query.to !== undefined)
    conditions.push(`epoch_ms(time) < ${params.bindInteger(query.to + query.windowMs)}`);
  return conditions.join(" AND ");
}

/** The persona segment: people with at least one event, at any time, meeting every condition. */
function segmentSql(query: FunnelQuery, params: SqlParams): string {
  if (query.segment.length === 0) return "";
  return ` AND person IN (SELECT person FROM events WHERE ${conditionsSql(query.segment, params)})`;
}

/**
 * CTEs l1..lN: s_k is the latest step-1 time of a chain that uses this row as step k. The rows with
 * s_{k−1} set have non-decreasing s_{k−1} by position, so the last such row before this one has
 * the latest start, the latest time and the latest position: if it cannot be extended (window,
 * max gap, an excluded event in between), no earlier one can. Strict order looks only at the
 * row right before. What follows (per unit level, exclusion, times, groups) is funnel-tally-sql.ts.
 */
function levelsSql(query: FunnelQuery, params: SqlParams): string {
  const window = () => params.bindInteger(query.windowMs);
  const entry = [
    `m1`,
    ...(query.from !== undefined ? [`t >= ${params.bindInteger(query.from)}`] : []),
    ...(query.to !== undefined ? [`t < ${params.bindInteger(query.to)}`] : []),
  ];
  const levels = [`l1 AS (SELECT *, CASE WHEN ${entry.join(" AND ")} THEN t END AS s1 FROM ordered)`];
  for (const k of range(query.steps.length).slice(1)) levels.push(levelSql(k, query, window, params));
  return levels.join(",\n");
}

function levelSql(k: number, query: FunnelQuery, window: () => string, params: SqlParams): string {
  const maxGap = query.steps[k - 1]?.maxGapMs;
  const unit = "PARTITION BY person, session ORDER BY pos";
  const previous =
    query.order === "strict"
      ? `lag(s${k - 1}) OVER w AS p_s, lag(t) OVER w AS p_t, NULL AS p_pos, NULL AS p_x`
      : `last_value(s${k - 1} IGNORE NULLS) OVER before AS p_s,
         last_value(CASE WHEN s${k - 1} IS NOT NULL THEN t END IGNORE NULLS) OVER before AS p_t,
         last_value(CASE WHEN s${k - 1} IS NOT NULL THEN pos END IGNORE NULLS) OVER before AS p_pos,
         max(CASE WHEN xg${k - 1} THEN pos END) OVER before AS p_x`;
  const conditions = [`m${k}`, "p_s IS NOT NULL", `t - p_s <= ${window()}`, "(p_x IS NULL OR p_x <= p_pos)"];
  if (maxGap !== undefined) conditions.push(`t - p_t <= ${params.bindInteger(maxGap)}`);
  return `l${k} AS (
    SELECT * EXCLUDE (p_s, p_t, p_pos, p_x), CASE WHEN ${conditions.join(" AND ")} THEN p_s END AS s${k}
    FROM (SELECT *, ${previous} FROM l${k - 1}
      WINDOW w AS (${unit}), before AS (${unit} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)))`;
}

/**
 * Any order: each unit's step-matching events in order, leveled by the shared matcher; the unit's
 * entry (latest anchor reaching its level) gives its period.
 */
async function anyOrderFunnel(
  connection: DuckDBConnection,
  query: FunnelQuery,
  units: string,
  params: SqlParams,
): Promise<FunnelResult> {
  const flags = range(query.steps.length).map((k) => `m${k}`);
  const sql = `WITH ${units} SELECT person, session, t, ${flags.join(", ")} FROM ordered ORDER BY person, session, pos`;
  const reader = await connection.runAndReadAll(sql, params.values);
  const groups = new Map<string, UnitGroup>();
  const addUnit = (events: UnitEvent[]) => {
    const { level, start } = anyOrderOutcome(events, query);
    if (level === 0) return;
    const period = query.interval && start !== null ? periodStart(start, query.interval) : null;
    const key = `${level}:${period}`;
    const group = groups.get(key) ?? { value: null, period, level, removed: false, units: 0 };
    group.units++;
    groups.set(key, group);
  };
  let current: UnitEvent[] = [];
  let currentUnit = "";
  for (const row of reader.getRowObjectsJS()) {
    const unit = `${String(row.session)}:${String(row.person)}`;
    if (unit !== currentUnit && current.length > 0) {
      addUnit(current);
      current = [];
    }
    currentUnit = unit;
    const steps = flags.flatMap((flag, k) => (row[flag] === true ? [k + 1] : []));
    current.push({ time: Number(row.t), steps, excludedGaps: [] });
  }
  if (current.length > 0) addUnit(current);
  const tally: FunnelTally = { groups: [...groups.values()], durations: [] };
  return resultFromTally(query, tally);
}

/** 1..n */
function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i + 1);
}

function pad(slot: number): string {
  return String(slot).padStart(3, "0");
}
