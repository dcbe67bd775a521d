import type { DuckDBConnection } from "@duckdb/node-api";
import {
  excludedGaps,
  type FunnelQuery,
  type FunnelResult,
  SESSION_GAP_MS,
} from "../../domain/analytics/funnel-query.js";
import { tallyAnyOrder } from "../any-order-tally.js";
import { EXCLUSION_SLOT_BASE, UNMATCHED_SLOT } from "../event-order.js";
import { periodStart } from "../funnel-period.js";
import { type FunnelTally, resultFromTally, type UnitGroup } from "../funnel-result.js";
import type { UnitEvent } from "../unit-event.js";
import { readTally, tallySql } from "./funnel-tally-sql.js";
import { unitKeySql } from "./funnel-unit-sql.js";
import { alternativesSql } from "./matcher-sql.js";
import { segmentSql } from "./segment-sql.js";
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
 * CTE `keyed`: one row per event that can matter, with its unit (person, session), time `t` in
 * epoch ms, step flags m1..mN, exclusion flags per gap xg1..xg(N−1) and its `order_key`; CTE
 * `ordered` adds the position `pos` in the agreed order (time, then order key; events with equal
 * time and key are interchangeable, so the sort leaves their order open instead of paying for a
 * `dedupe_key` tie-break). Ordered funnels of 2+ steps number the rows in level 2 instead.
 */
function unitEventsSql(query: FunnelQuery, params: SqlParams): string {
  const stepCount = query.steps.length;
  const steps = query.steps.map((step, k) => `${alternativesSql(step, params)} AS m${k + 1}`);
  const exclusions = query.exclusions.map((x, i) => `${alternativesSql(x, params)} AS x${i + 1}`);
  const value = query.breakdown
    ? [`json_extract_string(properties, ${params.bind(`$."${query.breakdown.property}"`)}) AS v`]
    : [];
  const gapFlags = range(stepCount - 1).map((gap) => {
    const covering = gapExclusions(query, gap);
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
    SELECT person, epoch_ms(time) AS t, ${[...steps, ...exclusions, ...value].join(", ")}
    FROM events WHERE ${timeFilterSql(query, params)} AND ${segmentSql(query.segment, params)}
  ),
  ${sessionsSql(query, params)},
  keyed AS (
    SELECT *, ${gapFlags.length > 0 ? `${gapFlags.join(", ")}, ` : ""}
      coalesce(nullif(concat(${slots.join(", ")}), ''), '${UNMATCHED_SLOT}') AS order_key
    FROM sessions WHERE ${relevant}
  ),
  ordered AS (
    SELECT * EXCLUDE (order_key), row_number() OVER (PARTITION BY ${unitKeySql(query)} ORDER BY t, order_key) AS pos
    FROM keyed
  )`;
}

/**
 * CTE `sessions`: the matched events with their session number. Person funnels skip the split (it
 * costs two sorts of every event). Ties in time share one frame (RANGE), so equal-time events
 * always land in the same session whatever order the sort gives them.
 */
function sessionsSql(query: FunnelQuery, params: SqlParams): string {
  if (query.unit !== "session") return "sessions AS (SELECT *, 0 AS session FROM matched)";
  return `gapped AS (
    SELECT *, CASE WHEN t - lag(t) OVER (PARTITION BY person ORDER BY t) > ${params.bindInteger(SESSION_GAP_MS)}
      THEN 1 ELSE 0 END AS new_session
    FROM matched
  ),
  sessions AS (
    SELECT * EXCLUDE (new_session), sum(new_session) OVER (PARTITION BY person ORDER BY t) AS session
    FROM gapped
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

/**
 * CTEs l1..lN: s_k is the latest step-1 time of a chain that uses this row as step k. The rows with
 * s_{k−1} set have non-decreasing s_{k−1} by position, so the last such row before this one has
 * the latest start, the latest time and the latest position: if it cannot be extended (window,
 * max gap, an excluded event in between), no earlier one can. Strict order looks only at the
 * row right before. What follows (per unit level, exclusion, times, groups) is funnel-tally-sql.ts.
 */
function levelsSql(query: FunnelQuery, params: SqlParams): string {
  const window = () => params.bindInteger(query.windowMs);
  const stepCount = query.steps.length;
  const entry = [
    `m1`,
    ...(query.from !== undefined ? [`t >= ${params.bindInteger(query.from)}`] : []),
    ...(query.to !== undefined ? [`t < ${params.bindInteger(query.to)}`] : []),
  ];
  const pruned = query.order !== "strict";
  // Level 2 numbers the rows itself (its sort is the one `ordered` would need), so l1 starts from
  // `keyed`; a one-step funnel has no level 2 and takes the numbered rows.
  const source = stepCount > 1 ? "keyed" : "ordered";
  const levels = [`l1 AS (SELECT *, CASE WHEN ${entry.join(" AND ")} THEN t END AS s1 FROM ${source})`];
  for (const k of range(stepCount).slice(1)) {
    const needed = pruned ? neededSql(k, query) : "true";
    levels.push(levelSql(k, query, window, params, needed));
    if (pruned && k > 2) levels.push(`done${k} AS (SELECT * FROM l${k - 1} WHERE (${needed}) IS NOT TRUE)`);
  }
  // Rows level 2 drops carry no start and no exclusion: the tally has no use for them.
  const done = pruned
    ? range(stepCount)
        .slice(2)
        .map((k) => ` UNION ALL BY NAME SELECT * FROM done${k}`)
    : [];
  levels.push(`chains AS (SELECT * FROM l${stepCount}${done.join("")})`);
  return levels.join(",\n");
}

/**
 * The rows level k (and the levels after it) can use: a chain to extend (s_(k−1) set), a later
 * step, or an exclusion of gap k−1 or later. The others skip the remaining windows, which shrink
 * level by level, and rejoin for the tally (`doneK`); they keep their position.
 */
function neededSql(k: number, query: FunnelQuery): string {
  const stepCount = query.steps.length;
  const later = range(stepCount)
    .filter((j) => j >= k)
    .map((j) => `m${j}`);
  const excluded = range(stepCount - 1)
    .filter((gap) => gap >= k - 1 && gapExclusions(query, gap).length > 0)
    .map((gap) => `xg${gap}`);
  return [`s${k - 1} IS NOT NULL`, ...later, ...excluded].join(" OR ");
}

/**
 * Level k asks the window only for what its conditions use: the previous start always, its time
 * for a max gap, whether the last chain row or the last excluded row came later for exclusions on
 * gap k−1 (a row that is both never spoils). Each window function adds work on every row. Level 2
 * sorts by the event order and numbers the rows (`pos`) in the same sort; later levels sort by pos.
 */
function levelSql(
  k: number,
  query: FunnelQuery,
  window: () => string,
  params: SqlParams,
  needed: string,
): string {
  const maxGap = query.steps[k - 1]?.maxGapMs;
  const strict = query.order === "strict";
  const excluded = !strict && gapExclusions(query, k - 1).length > 0;
  const unit = `PARTITION BY ${unitKeySql(query)} ORDER BY ${k === 2 ? "t, order_key" : "pos"}`;
  const found = `s${k - 1} IS NOT NULL`;
  const helpers: Record<string, string> = {
    p_s: strict ? `lag(s${k - 1}) OVER w` : `last_value(s${k - 1} IGNORE NULLS) OVER before`,
  };
  const conditions = [`m${k}`, "p_s IS NOT NULL", `t - p_s <= ${window()}`];
  if (maxGap !== undefined) {
    helpers.p_t = strict
      ? "lag(t) OVER w"
      : `last_value(CASE WHEN ${found} THEN t END IGNORE NULLS) OVER before`;
    conditions.push(`t - p_t <= ${params.bindInteger(maxGap)}`);
  }
  if (excluded) {
    helpers.p_clean = `last_value(CASE WHEN ${found} THEN true WHEN xg${k - 1} THEN false END IGNORE NULLS) OVER before`;
    conditions.push("p_clean");
  }
  const names = Object.keys(helpers);
  const used = Object.entries(helpers).map(([name, sql]) => `${sql} AS ${name}`);
  if (k === 2) {
    used.push("row_number() OVER w AS pos");
    names.push("order_key");
  }
  // Read again by done(k+1).
  const materialized = needed === "true" || k === query.steps.length ? "" : "MATERIALIZED ";
  return `l${k} AS ${materialized}(
    SELECT * EXCLUDE (${names.join(", ")}), CASE WHEN ${conditions.join(" AND ")} THEN p_s END AS s${k}
    FROM (SELECT *, ${used.join(", ")} FROM l${k - 1} WHERE ${needed}
      WINDOW w AS (${unit}), before AS (${unit} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)))`;
}

/** The exclusion flag columns (x1, x2, …) of the exclusions covering gap `gap` (between steps gap and gap+1). */
function gapExclusions(query: FunnelQuery, gap: number): string[] {
  const stepCount = query.steps.length;
  return query.exclusions.flatMap((x, i) => (excludedGaps(x, stepCount).includes(gap) ? [`x${i + 1}`] : []));
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
  const rows = reader.getRowObjectsJS().map((row) => ({
    unit: `${String(row.session)}:${String(row.person)}`,
    time: Number(row.t),
    steps: flags.flatMap((flag, k) => (row[flag] === true ? [k + 1] : [])),
  }));
  return resultFromTally(query, tallyAnyOrder(rows, query));
}

/** 1..n */
function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i + 1);
}

function pad(slot: number): string {
  return String(slot).padStart(3, "0");
}
