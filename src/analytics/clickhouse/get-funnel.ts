import { excludedGaps, type FunnelQuery, type FunnelResult } from "../../domain/analytics/funnel-query.js";
import { tallyAnyOrder } from "../any-order-tally.js";
import { EXCLUSION_SLOT_BASE, UNMATCHED_SLOT } from "../event-order.js";
import { resultFromTally } from "../funnel-result.js";
import type { ClickHouseTransport } from "./clickhouse-transport.js";
import { readTally, tallySql } from "./funnel-tally-sql.js";
import { anyMatcherSql, conditionsSql } from "./matcher-sql.js";
import { withSessionsSql } from "./sessions-sql.js";
import { SqlParams } from "./sql-params.js";

/**
 * The funnel over a ClickHouse events table (docs/analytics.md). Sequential and strict order run
 * wholly in SQL, one array per unit, and return only the tally (unit groups and duration figures,
 * src/analytics/clickhouse/funnel-tally-sql.ts); any order fetches each unit's matching events in order and
 * solves the step matching in TypeScript (src/analytics/any-order-level.ts).
 */
export async function getFunnelFromClickHouse(
  transport: ClickHouseTransport,
  table: string,
  query: FunnelQuery,
): Promise<FunnelResult> {
  const params = new SqlParams();
  const keyed = keyedEventsSql(query, table, params);
  if (query.order === "any") return anyOrderFunnel(transport, query, keyed, params);
  const rows = await transport.query(tallySql(query, levelsSql(query, keyed, params)), params.values);
  return resultFromTally(query, readTally(query, rows[0] ?? {}));
}

/**
 * One row per event that can matter: its unit (person, session), time `t` in epoch ms, the order
 * key of docs/analytics.md "Event order", step flags m1..mN, exclusion flags per gap
 * xg1..xg(N−1) and, with a breakdown, the property's text `v` (`vj`: ClickHouse's JSON text of a
 * non-string, rewritten in TypeScript). Only events from the entry start to the entry end plus the window can belong to a
 * chain, sit between its steps or exclude it; cutting there moves no session boundary among them.
 */
function keyedEventsSql(query: FunnelQuery, table: string, params: SqlParams): string {
  const stepCount = query.steps.length;
  const steps = query.steps.map((step, k) => `${anyMatcherSql(step, params)} AS m${k + 1}`);
  const exclusions = query.exclusions.map((x, i) => `${anyMatcherSql(x, params)} AS x${i + 1}`);
  const gapFlags = range(stepCount - 1).map((gap) => {
    const covering = query.exclusions.flatMap((x, i) =>
      excludedGaps(x, stepCount).includes(gap) ? [`x${i + 1}`] : [],
    );
    return `${covering.length > 0 ? covering.join(" OR ") : "false"} AS xg${gap}`;
  });
  const slots = [
    ...range(stepCount).map((k) => `if(m${k}, '${pad(k)}', '')`),
    ...range(query.exclusions.length).map((i) => `if(x${i}, '${pad(EXCLUSION_SLOT_BASE + i - 1)}', '')`),
  ];
  const flags = [
    ...range(stepCount).map((k) => `m${k}`),
    ...range(query.exclusions.length).map((i) => `x${i}`),
  ];
  // Strict order needs every event of the unit (any other event breaks a chain); the other modes
  // only events matching a step or an exclusion. Sessions are split on all events first.
  const relevant = query.order === "strict" ? "true" : `(${flags.join(" OR ")})`;
  const bySession = query.unit === "session";
  const conditions = [
    ...timeFilter(query, params),
    ...segmentFilter(query, table, params),
    ...(bySession ? [] : [relevant]),
  ];
  const value = query.breakdown ? valueColumnsSql(query.breakdown.property, params) : [];
  const matched = `SELECT person, toUnixTimestamp64Milli(time) AS t, dedupe_key, ${[...steps, ...exclusions, ...value].join(", ")}
    FROM ${table} WHERE ${conditions.join(" AND ")}`;
  const units = bySession ? withSessionsSql(matched, params) : `SELECT *, 0 AS session FROM (${matched})`;
  return `SELECT person, session, t, ${gapFlags.map((g) => `${g}, `).join("")}
      concat(${slots.join(", ")}) AS slots, if(slots = '', '${UNMATCHED_SLOT}', slots) AS order_key,
      ${[...range(stepCount).map((k) => `m${k}`), ...(query.breakdown ? ["v", "vj"] : [])].join(", ")}
    FROM (${units}) WHERE ${bySession ? relevant : "true"}`;
}

/**
 * The breakdown property's text: a string as it is, missing or JSON null as NULL, anything else as
 * ClickHouse's JSON text (flag `vj`), which readTally turns into JavaScript's text.
 */
function valueColumnsSql(property: string, params: SqlParams): string[] {
  const key = params.bindText(property);
  const type = `JSONType(properties, ${key})`;
  return [
    `multiIf(${type} = 'String', toNullable(JSONExtractString(properties, ${key})), ${type} = 'Null', NULL,
      toNullable(JSONExtractRaw(properties, ${key}))) AS v`,
    `toUInt8(${type} NOT IN ('String', 'Null')) AS vj`,
  ];
}

/** A persona's segment: people with at least one event, at any time, meeting every condition. */
function segmentFilter(query: FunnelQuery, table: string, params: SqlParams): string[] {
  if (query.segment.length === 0) return [];
  return [`person IN (SELECT person FROM ${table} WHERE ${conditionsSql(query.segment, params)})`];
}

function timeFilter(query: FunnelQuery, params: SqlParams): string[] {
  const conditions = ["true"];
  const time = "toUnixTimestamp64Milli(time)";
  if (query.from !== undefined) conditions.push(`${time} >= ${params.bindInteger(query.from)}`);
  if (query.to !== undefined) conditions.push(`${time} < ${params.bindInteger(query.to + query.windowMs)}`);
  return conditions;
}

/**
 * Per unit, its events sorted into the agreed order as arrays (`ts`, flags), then for each step k
 * the array s_k: the latest step-1 time of a chain that uses that event as step k (NULL: none).
 * The non-NULL s_(k−1) are non-decreasing along the order, so the last event before i with
 * s_(k−1) set has the latest start, time and position: if it cannot be extended to i (window, max
 * gap, an excluded event in between), no earlier one can — `arrayFill` finds it. Strict order
 * looks only at the event right before. Result: per unit, the arrays, `level` and `removed`.
 */
function levelsSql(query: FunnelQuery, keyed: string, params: SqlParams): string {
  const stepCount = query.steps.length;
  const flags = range(stepCount).map((k) => `m${k}`);
  const gaps = range(stepCount - 1).map((k) => `xg${k}`);
  const columns = ["t", "order_key", ...flags, ...gaps, ...(query.breakdown ? ["v", "vj"] : [])];
  const unpack = columns
    .slice(2)
    .map((column, i) => `arrayMap(e -> tupleElement(e, ${i + 3}), evs) AS ${column}`);
  const window = params.bindInteger(query.windowMs);
  const entry = ["x_m", ...entryConditions(query, params)].join(" AND ");
  // One subquery per step: as a column, s_(k−1) is computed once; as an alias in the same SELECT
  // it would be pasted into s_k three times over, and the query would grow as 3^k.
  let levels = `SELECT ${[
    "arrayMap(e -> tupleElement(e, 1), evs) AS ts",
    "arrayEnumerate(evs) AS pos",
    ...(query.breakdown ? ["arrayMap(e -> tupleElement(e, 2), evs) AS ks"] : []),
    ...unpack,
    `arrayMap((x_m, x_t) -> if(${entry}, toNullable(x_t), NULL), m1, ts) AS s1`,
  ].join(",\n    ")}
  FROM (SELECT arraySort(groupArray((${columns.join(", ")}))) AS evs FROM (${keyed}) GROUP BY person, session)`;
  for (const k of range(stepCount).slice(1)) {
    levels = `SELECT *, ${stepSql(k, query, window, params)} AS s${k} FROM (${levels})`;
  }
  const level = range(stepCount)
    .reverse()
    .map((k) => `arrayExists(x -> x IS NOT NULL, s${k}), ${k}`)
    .join(", ");
  return `SELECT *, ${removedSql(query, window, params)} AS removed
    FROM (SELECT *, multiIf(${level}, 0) AS level FROM (${levels}))`;
}

function entryConditions(query: FunnelQuery, params: SqlParams): string[] {
  return [
    ...(query.from !== undefined ? [`x_t >= ${params.bindInteger(query.from)}`] : []),
    ...(query.to !== undefined ? [`x_t < ${params.bindInteger(query.to)}`] : []),
  ];
}

/** s_k from s_(k−1): the chain's previous step is the last earlier event with s_(k−1) set. */
function stepSql(k: number, query: FunnelQuery, window: string, params: SqlParams): string {
  const maxGap = query.steps[k - 1]?.maxGapMs;
  const previous = `s${k - 1}`;
  const strict = query.order === "strict";
  const start = strict ? shifted(previous) : lastBefore(previous);
  const time = strict
    ? shifted("ts")
    : lastBefore(`arrayMap((x_s, x_t) -> if(x_s IS NULL, NULL, x_t), ${previous}, ts)`);
  const position = strict
    ? "pos"
    : lastBefore(`arrayMap((x_s, x_i) -> if(x_s IS NULL, NULL, x_i), ${previous}, pos)`);
  const excluded =
    strict || query.exclusions.length === 0
      ? "arrayMap(x_i -> toNullable(0), pos)"
      : lastBefore(`arrayMap((x_x, x_i) -> if(x_x, toNullable(x_i), NULL), xg${k - 1}, pos)`);
  const conditions = [
    "x_m",
    "x_ps IS NOT NULL",
    `x_t - x_ps <= ${window}`,
    "ifNull(x_px <= x_pp, true)",
    ...(maxGap !== undefined ? [`x_t - x_pt <= ${params.bindInteger(maxGap)}`] : []),
  ];
  return `arrayMap((x_m, x_t, x_ps, x_pt, x_pp, x_px) -> if(${conditions.join(" AND ")}, x_ps, NULL),
      m${k}, ts, ${start}, ${time}, ${position}, ${excluded})`;
}

/**
 * Whether the unit is removed by an exclusion: it stopped at level L < N and after the step-L
 * event of some chain, an event excluded from gap L came while step L+1 was still possible.
 */
function removedSql(query: FunnelQuery, window: string, params: SqlParams): string {
  const stepCount = query.steps.length;
  if (query.exclusions.length === 0 || stepCount < 2) return "false";
  const cases = range(stepCount - 1).map((k) => {
    const maxGap = query.steps[k]?.maxGapMs;
    const deadline =
      maxGap === undefined
        ? `x_s + ${window}`
        : `least(x_s + ${window}, x_t + ${params.bindInteger(maxGap)})`;
    const nextExcluded = `arrayPushBack(arrayPopFront(arrayReverseFill(x -> x IS NOT NULL,
      arrayMap((x_x, x_t) -> if(x_x, toNullable(x_t), NULL), xg${k}, ts))), NULL)`;
    return `level = ${k}, arrayExists((x_s, x_nx, x_t) -> x_s IS NOT NULL AND x_nx IS NOT NULL AND x_nx <= ${deadline},
      s${k}, ${nextExcluded}, ts)`;
  });
  return `multiIf(${cases.join(",\n      ")}, false)`;
}

/** The value at the previous position (NULL at the first). */
function shifted(array: string): string {
  return `arrayPushFront(arrayPopBack(${array}), NULL)`;
}

/** The last non-NULL value strictly before each position. */
function lastBefore(array: string): string {
  return shifted(`arrayFill(x -> x IS NOT NULL, ${array})`);
}

/**
 * Any order: each unit's step-matching events in order, leveled by the shared matcher; the unit's
 * entry (latest anchor reaching its level) gives its period.
 */
async function anyOrderFunnel(
  transport: ClickHouseTransport,
  query: FunnelQuery,
  keyed: string,
  params: SqlParams,
): Promise<FunnelResult> {
  const flags = range(query.steps.length).map((k) => `m${k}`);
  const sql = `SELECT person, session, t, ${flags.join(", ")} FROM (${keyed})
    WHERE ${flags.join(" OR ")} ORDER BY person, session, t, order_key`;
  const rows = (await transport.query(sql, params.values)).map((row) => ({
    unit: `${String(row.session)}:${String(row.person)}`,
    time: Number(row.t),
    steps: flags.flatMap((flag, k) => (Number(row[flag]) === 1 ? [k + 1] : [])),
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
