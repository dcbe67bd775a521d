import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";
import type { FunnelTally, UnitGroup } from "../funnel-result.js";
import { type DurationSummary, MAX_BINS } from "../funnel-time-to-convert.js";
import { propertyText } from "../reference/property-text.js";
import type { ClickHouseRow } from "./clickhouse-transport.js";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday (src/analytics/funnel-period.ts). */
const MONDAY_SHIFT_MS = 3 * DAY_MS;

/**
 * One row holding the tally src/analytics/funnel-result.ts turns into the result: `unit_groups`
 * (breakdown value, whether it is JSON text, entry period, level, removed, units) and, per
 * transition k, the duration figures (n, median, p90, lo, width, bin count, non-empty bins).
 *
 * `levels` has one row per unit with its sorted arrays (`ts`, `s1 … sN`, and `v`, `vj` with a
 * breakdown), `level` and `removed`. Per unit: `cs` is the chain start S (the latest s_L),
 * `r_k` = T_k the earliest time of an event with s_k ≥ S (docs/analytics.md "Time to convert").
 * Units are grouped in SQL; only their groups and the duration figures leave the database.
 */
export function tallySql(query: FunnelQuery, levels: string): string {
  const transitions = range(query.steps.length - 1);
  const durations = transitions.map(
    (k) =>
      `groupArrayIf(assumeNotNull(r${k + 1}) - assumeNotNull(r${k}), NOT removed AND r${k + 1} IS NOT NULL) AS d${k}`,
  );
  const sorted = transitions.map((k) => `arraySort(arrayFlatten(groupArray(d${k}))) AS sd${k}`);
  return `
  SELECT unit_groups${transitions.map((k) => `, ${statsSql(k)}`).join("")}
  FROM (
    SELECT groupArray(tuple(value, value_json, period, level, removed, units)) AS unit_groups
      ${sorted.map((s) => `, ${s}`).join("")}
    FROM (
      SELECT value, value_json, period, level, removed, count() AS units
        ${durations.map((d) => `, ${d}`).join("")}
      FROM (${unitsSql(query, levels)})
      GROUP BY value, value_json, period, level, removed
    )
  )`;
}

/** Per unit that entered: level, removed, period, breakdown value and r1 … rN. */
function unitsSql(query: FunnelQuery, levels: string): string {
  const steps = range(query.steps.length);
  const latestStarts = [...steps].reverse().map((k) => `arrayReduce('max', s${k})`);
  const reachedAt = steps.map(
    (k) => `arrayReduce('min', arrayMap((x_s, x_t) -> if(x_s >= cs, x_t, NULL), s${k}, ts)) AS r${k}`,
  );
  const period = query.interval
    ? periodSql("assumeNotNull(cs)", query.interval)
    : "CAST(NULL AS Nullable(Int64))";
  const value = query.breakdown
    ? "if(empty(best), NULL, best[1].1) AS value, if(empty(best), 0, best[1].2) AS value_json"
    : "CAST(NULL AS Nullable(String)) AS value, toUInt8(0) AS value_json";
  return `
    SELECT level, removed, ${period} AS period, ${value}, ${steps.map((k) => `r${k}`).join(", ")}
    FROM (
      SELECT *${query.breakdown ? `, ${byAttributedStep(query, candidatesSql)} AS best` : ""}
      FROM (
        SELECT *${query.breakdown ? `, ${byAttributedStep(query, usedKeysSql)} AS used_keys` : ""}
        FROM (
          SELECT *, ${reachedAt.join(", ")}
          FROM (SELECT *, coalesce(${latestStarts.join(", ")}) AS cs FROM (${levels}) WHERE level > 0)
        )
      )
    )`;
}

/** The start of the UTC day or ISO week (Monday) holding the epoch-ms expression `time`. */
function periodSql(time: string, interval: "day" | "week"): string {
  if (interval === "day") return `toNullable(${time} - ((${time} % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS})`;
  return `toNullable(${time} - (((${time} + ${MONDAY_SHIFT_MS}) % ${WEEK_MS}) + ${WEEK_MS}) % ${WEEK_MS})`;
}

/**
 * `perStep(k)` for the unit's attributed step k (docs/analytics.md "Breakdown"); an empty array
 * when the unit did not reach it.
 */
function byAttributedStep(query: FunnelQuery, perStep: (step: number) => string): string {
  const breakdown = query.breakdown;
  if (breakdown?.attribution === "last") {
    const cases = range(query.steps.length).map((k) => `level = ${k}, ${perStep(k)}`);
    return `multiIf(${cases.join(", ")}, [])`;
  }
  const step = breakdown?.attribution === "step" ? (breakdown.step ?? 1) : 1;
  return step === 1 ? perStep(1) : `if(level >= ${step}, ${perStep(step)}, [])`;
}

/** The distinct order keys of the events a chain starting at or after S uses as the step, at T_step. */
function usedKeysSql(step: number): string {
  return `arrayDistinct(arrayFilter((x_k, x_s, x_t) -> if(x_s >= cs AND x_t = r${step}, 1, 0), ks, s${step}, ts))`;
}

/**
 * The breakdown value candidates, as (text, is ClickHouse JSON text of a non-string) pairs sorted
 * so the first one wins: the step's events at T_step with the order key of one a chain starting at
 * or after S uses (ties of equal key are in arbitrary order, so any of them could be the one
 * used), having the property, smallest text first.
 */
function candidatesSql(step: number): string {
  return `arraySort(arrayFilter(x_c -> isNotNull(x_c.1),
      arrayMap((x_k, x_t, x_v, x_j) -> tuple(if(x_t = r${step} AND has(used_keys, x_k), x_v, NULL), x_j), ks, ts, v, vj)))`;
}

/**
 * Transition k's figures from its sorted durations: nearest-rank median and p90 (rank ⌈n/2⌉ and
 * ⌈9n/10⌉) and the bins of src/analytics/funnel-time-to-convert.ts `binLayout`.
 */
function statsSql(k: number): string {
  const sorted = `sd${k}`;
  const bins = `least(if(arrayFirst(b -> b * b * b >= n${k}, range(1, ${MAX_BINS + 1})) AS first_fit${k} = 0, ${MAX_BINS}, first_fit${k}), span${k})`;
  return `length(${sorted}) AS n${k},
    ${sorted}[intDiv(n${k} + 1, 2)] AS median${k},
    ${sorted}[intDiv(9 * n${k} + 9, 10)] AS p90${k},
    ${sorted}[1] AS lo${k},
    ${sorted}[-1] - lo${k} + 1 AS span${k},
    intDiv(span${k} + ${bins} - 1, ${bins}) AS width${k},
    intDiv(span${k} + width${k} - 1, width${k}) AS bin_count${k},
    arrayReduce('sumMap', [arrayMap(x_d -> intDiv(x_d - lo${k}, width${k}), ${sorted})],
      [arrayMap(x_d -> toUInt64(1), ${sorted})]) AS bins${k}`;
}

/** The row of `tallySql` as the shared tally; JSON text of non-strings is rewritten as JavaScript writes it. */
export function readTally(query: FunnelQuery, row: ClickHouseRow): FunnelTally {
  const groups = (row.unit_groups as unknown[][] | undefined) ?? [];
  return {
    groups: groups.map(
      ([value, json, period, level, removed, units]): UnitGroup => ({
        value: valueText(value, Number(json) === 1),
        period: period === null ? null : Number(period),
        level: Number(level),
        removed: Number(removed) === 1 || removed === true,
        units: Number(units),
      }),
    ),
    durations: range(query.steps.length - 1).flatMap((k) => durationOf(k, row)),
  };
}

/**
 * ClickHouse re-serializes JSON (`1e21` inside objects, `\/`, `\u2028`), so non-string values go
 * through JSON.parse and the reference's text rule; equal texts then fall into one group.
 */
function valueText(value: unknown, json: boolean): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return json ? propertyText({ value: JSON.parse(text) as unknown }, "value") : text;
}

function durationOf(k: number, row: ClickHouseRow): DurationSummary[] {
  const people = Number(row[`n${k}`] ?? 0);
  if (people === 0) return [];
  const [indexes, counts] = (row[`bins${k}`] as [unknown[], unknown[]] | undefined) ?? [[], []];
  return [
    {
      fromStep: k,
      people,
      medianMs: Number(row[`median${k}`]),
      p90Ms: Number(row[`p90${k}`]),
      minMs: Number(row[`lo${k}`]),
      widthMs: Number(row[`width${k}`]),
      binCount: Number(row[`bin_count${k}`]),
      bins: indexes.map((index, i) => ({ index: Number(index), people: Number(counts[i]) })),
    },
  ];
}

/** 1..n */
function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i + 1);
}
