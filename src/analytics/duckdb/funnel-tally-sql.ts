import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";
import type { FunnelTally } from "../funnel-result.js";
import { MAX_BINS } from "../funnel-time-to-convert.js";
import { unitKeySql } from "./funnel-unit-sql.js";
import type { SqlParams } from "./sql-params.js";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday (src/analytics/funnel-period.ts). */
const MONDAY_SHIFT_MS = 3 * DAY_MS;

/**
 * The CTEs after `l1 … lN` and the final SELECT: one row with three lists — unit groups (breakdown
 * value, entry period, level, removed, units), per-transition duration statistics and non-empty
 * histogram bins — the tally src/analytics/funnel-result.ts turns into the result.
 *
 * Per unit: `cs` is the chain start S (the latest s_L, L the level), r_k = T_k the earliest time of a
 * row with s_k ≥ S (docs/analytics.md "Time to convert"); the breakdown value is the smallest
 * (time, missing, text) among the attributed step's rows with s_step ≥ S.
 */
export function tallySql(query: FunnelQuery, params: SqlParams): string {
  const stepCount = query.steps.length;
  const window = () => params.bindInteger(query.windowMs);
  return `${tailsSql(query, window, params)},
  ${outcomesSql(query)},
  groups AS (
    SELECT ${query.breakdown ? "value" : "NULL::VARCHAR AS value"},
      ${query.interval ? `${periodSql("cs", query.interval)} AS period` : "NULL::BIGINT AS period"},
      level, removed, count(*) AS units
    FROM outcomes GROUP BY ALL
  )${stepCount > 1 ? `,\n${durationsSql(stepCount)}` : ""}
  SELECT
    (SELECT list(struct_pack(value, period, level, removed, units)) FROM groups) AS groups,
    ${stepCount > 1 ? "(SELECT list(struct_pack(k, n, median, p90, lo, width, bin_count)) FROM sized)" : "NULL"} AS stats,
    ${stepCount > 1 ? "(SELECT list(struct_pack(k, idx, people)) FROM binned)" : "NULL"} AS bins`;
}

/** The start of the UTC day or ISO week (Monday) holding the epoch-ms expression `time`. */
function periodSql(time: string, interval: "day" | "week"): string {
  if (interval === "day") return `(${time} - ((${time} % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS})`;
  return `(${time} - (((${time} + ${MONDAY_SHIFT_MS}) % ${WEEK_MS}) + ${WEEK_MS}) % ${WEEK_MS})`;
}

/**
 * `tails`: every row of the last level CTE with the unit's chain start `cs` and, when the funnel
 * has exclusions, per gap k the next event excluded from gap k (nx_k).
 */
function tailsSql(query: FunnelQuery, window: () => string, params: SqlParams): string {
  const stepCount = query.steps.length;
  const unitKey = unitKeySql(query);
  const ordered = query.exclusions.length > 0;
  const last = "chains";
  const latestStarts = (over: string) =>
    range(stepCount)
      .reverse()
      .map((k) => `max(s${k})${over}`)
      .join(", ");
  // With exclusions one sort serves both: the whole-unit frame uses the same partition and order
  // as the look-ahead `following`. Without, a grouping and a join find S, cheaper than a window.
  const unit = `PARTITION BY ${unitKey} ORDER BY pos ROWS BETWEEN`;
  const following = `${unit} 1 FOLLOWING AND UNBOUNDED FOLLOWING`;
  const whole = ` OVER (${unit} UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
  const lookAhead = range(stepCount - 1).map(
    (k) => `min(CASE WHEN xg${k} THEN t END) OVER (${following}) AS nx${k}`,
  );
  const tails = ordered
    ? `tails AS (SELECT *, ${lookAhead.join(", ")}, coalesce(${latestStarts(whole)}) AS cs FROM ${last})`
    : `starts AS (SELECT ${unitKey}, coalesce(${latestStarts("")}) AS cs FROM ${last} GROUP BY ${unitKey}),
  tails AS (SELECT ${last}.*, starts.cs FROM ${last} JOIN starts USING (${unitKey}))`;
  const spoiled = range(stepCount - 1).map((k) => {
    if (!ordered) return `false AS spoiled${k}`;
    const maxGap = query.steps[k]?.maxGapMs;
    const deadline =
      maxGap === undefined
        ? `s${k} + ${window()}`
        : `least(s${k} + ${window()}, t + ${params.bindInteger(maxGap)})`;
    return `coalesce(bool_or(s${k} IS NOT NULL AND nx${k} <= ${deadline}), false) AS spoiled${k}`;
  });
  const level = range(stepCount)
    .reverse()
    .map((k) => `WHEN count(s${k}) > 0 THEN ${k}`)
    .join(" ");
  const reachedAt = range(stepCount)
    .slice(1)
    .map((k) => `min(t) FILTER (WHERE s${k} >= cs) AS r${k}`);
  return `${tails},
  units AS (
    SELECT CASE ${level} ELSE 0 END AS level, any_value(cs) AS cs
      ${[...spoiled, ...reachedAt, ...valueSql(query)].map((c) => `, ${c}`).join("")}
    FROM tails GROUP BY ${unitKey}
  )`;
}

/**
 * The breakdown value: among the rows the attributed step may use (s_step ≥ S; for "last" the
 * highest step any row reaches from S), the earliest, then one having the property, then the
 * smallest text.
 */
function valueSql(query: FunnelQuery): string[] {
  const breakdown = query.breakdown;
  if (!breakdown) return [];
  const candidate = "struct_pack(t := t, missing := v IS NULL, v := v)";
  if (breakdown.attribution === "last") {
    const highest = range(query.steps.length)
      .reverse()
      .map((k) => `WHEN s${k} >= cs THEN ${k}`)
      .join(" ");
    const rank = `CASE ${highest} END`;
    return [
      `struct_extract(min(struct_pack(r := -(${rank}), t := t, missing := v IS NULL, v := v)) FILTER (WHERE ${rank} IS NOT NULL), 'v') AS value`,
    ];
  }
  const step = breakdown.attribution === "first" ? 1 : (breakdown.step ?? 1);
  return [`struct_extract(min(${candidate}) FILTER (WHERE s${step} >= cs), 'v') AS value`];
}

/** `outcomes`: the units that entered, whether an exclusion removed them, r1 = cs. */
function outcomesSql(query: FunnelQuery): string {
  const stepCount = query.steps.length;
  const removed =
    stepCount > 1
      ? `CASE level ${range(stepCount - 1)
          .map((k) => `WHEN ${k} THEN spoiled${k}`)
          .join(" ")} ELSE false END`
      : "false";
  return `outcomes AS MATERIALIZED (
    SELECT *, cs AS r1, ${removed} AS removed FROM units WHERE level > 0
  )`;
}

/**
 * Per transition k → k+1, over the units kept that reached k+1: nearest-rank median and p90 (rank
 * ⌈n/2⌉ and ⌈9n/10⌉), and equal-width bins as src/analytics/funnel-time-to-convert.ts `binLayout`.
 */
function durationsSql(stepCount: number): string {
  const transitions = range(stepCount - 1);
  return `durations AS (
    SELECT unnest([${transitions.join(", ")}]) AS k,
      unnest([${transitions.map((k) => `r${k + 1} - r${k}`).join(", ")}]) AS d
    FROM outcomes WHERE NOT removed
  ),
  ranked AS (
    SELECT k, d, row_number() OVER (PARTITION BY k ORDER BY d) AS rn, count(*) OVER (PARTITION BY k) AS total
    FROM durations WHERE d IS NOT NULL
  ),
  stats AS (
    SELECT k, count(*) AS n, min(d) AS lo, max(d) AS hi,
      max(d) FILTER (WHERE rn = (total + 1) // 2) AS median,
      max(d) FILTER (WHERE rn = (9 * total + 9) // 10) AS p90
    FROM ranked GROUP BY k
  ),
  layout AS (
    SELECT *, (hi - lo + 1 + least(bins, hi - lo + 1) - 1) // least(bins, hi - lo + 1) AS width
    FROM (SELECT *, coalesce((SELECT min(r.b) FROM range(1, ${MAX_BINS + 1}) r(b) WHERE r.b * r.b * r.b >= stats.n), ${MAX_BINS}) AS bins
      FROM stats)
  ),
  sized AS (SELECT *, (hi - lo + 1 + width - 1) // width AS bin_count FROM layout),
  binned AS (
    SELECT k, (d - lo) // width AS idx, count(*) AS people
    FROM ranked JOIN sized USING (k) GROUP BY k, idx
  )`;
}

type Row = Record<string, unknown>;

/** The final row of `tallySql` as the shared tally. */
export function readTally(row: Row): FunnelTally {
  const list = (value: unknown) => (Array.isArray(value) ? (value as Row[]) : []);
  const bins = list(row.bins);
  return {
    groups: list(row.groups).map((g) => ({
      value: g.value === null ? null : String(g.value),
      period: g.period === null ? null : Number(g.period),
      level: Number(g.level),
      removed: g.removed === true,
      units: Number(g.units),
    })),
    durations: list(row.stats).map((s) => ({
      fromStep: Number(s.k),
      people: Number(s.n),
      medianMs: Number(s.median),
      p90Ms: Number(s.p90),
      minMs: Number(s.lo),
      widthMs: Number(s.width),
      binCount: Number(s.bin_count),
      bins: bins
        .filter((b) => Number(b.k) === Number(s.k))
        .map((b) => ({ index: Number(b.idx), people: Number(b.people) })),
    })),
  };
}

/** 1..n */
function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i + 1);
}
