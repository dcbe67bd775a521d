import {
  type BreakdownResult,
  type FunnelQuery,
  type FunnelResult,
  type FunnelStepResult,
  type FunnelTransition,
  OTHER_GROUP,
  type OverTime,
} from "../domain/analytics/funnel-query.js";
import { type DurationSummary, timeToConvertOf } from "./funnel-time-to-convert.js";

/**
 * Units sharing a breakdown value, an entry period and an outcome; `value` is null without a
 * breakdown (or when the property is missing), `period` null without an interval.
 */
export type UnitGroup = {
  value: string | null;
  period: number | null;
  level: number;
  removed: boolean;
  units: number;
};

/** What an engine counts; the result is built from it here, the same way for every engine. */
export type FunnelTally = { groups: UnitGroup[]; durations: DurationSummary[] };

const PERIOD_MS = { day: 86_400_000, week: 7 * 86_400_000 } as const;

/** The whole result from an engine's tally; see docs/analytics.md "Output". */
export function resultFromTally(query: FunnelQuery, tally: FunnelTally): FunnelResult {
  const counted = tally.groups.filter((g) => !g.removed && g.level > 0);
  const excluded = tally.groups.filter((g) => g.removed).reduce((sum, g) => sum + g.units, 0);
  return {
    ...buildFunnelResult(query, reachedOf(query, counted), excluded),
    timeToConvert: timeToConvertOf(query, tally.durations),
    breakdown: breakdownOf(query, counted),
    overTime: overTimeOf(query, counted),
  };
}

/**
 * Turns per-step counts into the result, with empty extras (for engines that only count).
 * @param reached reached[k] = units whose furthest step is at least k+1
 * @param excluded units removed by an exclusion
 */
export function buildFunnelResult(query: FunnelQuery, reached: number[], excluded: number): FunnelResult {
  const steps = stepResults(query, reached);
  const transitions = transitionsOf(steps);
  return {
    unit: query.unit,
    order: query.order,
    windowMs: query.windowMs,
    steps,
    excluded,
    keyBarrier: {
      largestLoss: pickBest(transitions, (t) => -t.conversion),
      furthestBelowTarget: pickBest(
        transitions.filter((t) => t.gapToTarget !== null && t.gapToTarget > 0),
        (t) => t.gapToTarget ?? 0,
      ),
    },
    timeToConvert: timeToConvertOf(query, []),
    breakdown: null,
    overTime: null,
  };
}

/** reached[k] = units in the groups at level ≥ k+1. */
function reachedOf(query: FunnelQuery, groups: UnitGroup[]): number[] {
  const reached = query.steps.map(() => 0);
  for (const group of groups) {
    for (let k = 0; k < group.level; k++) reached[k] = (reached[k] ?? 0) + group.units;
  }
  return reached;
}

/** Groups by value, most entrants first (ties: value ascending, missing last); the rest as "(other)". */
function breakdownOf(query: FunnelQuery, groups: UnitGroup[]): BreakdownResult | null {
  const breakdown = query.breakdown;
  if (!breakdown) return null;
  const byValue = new Map<string | null, UnitGroup[]>();
  for (const group of groups) {
    const list = byValue.get(group.value) ?? [];
    list.push(group);
    byValue.set(group.value, list);
  }
  const ranked = [...byValue]
    .map(([value, list]) => ({ value, reached: reachedOf(query, list) }))
    .sort((a, b) => (b.reached[0] ?? 0) - (a.reached[0] ?? 0) || compareValues(a.value, b.value));
  const kept = ranked.slice(0, breakdown.limit);
  const rest = ranked.slice(breakdown.limit);
  if (rest.length > 0) {
    const reached = query.steps.map((_, k) => rest.reduce((sum, r) => sum + (r.reached[k] ?? 0), 0));
    kept.push({ value: OTHER_GROUP, reached });
  }
  return {
    property: breakdown.property,
    attribution: breakdown.attribution,
    step: breakdown.step ?? null,
    groups: kept.map(({ value, reached }) => ({ value, steps: stepResults(query, reached) })),
  };
}

/** Plain code-unit order, missing (null) last. */
function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Every period from the first to the last with an entrant, empty ones included. */
function overTimeOf(query: FunnelQuery, groups: UnitGroup[]): OverTime | null {
  const interval = query.interval;
  if (!interval) return null;
  const starts = groups.flatMap((g) => (g.period === null ? [] : [g.period]));
  if (starts.length === 0) return { interval, periods: [] };
  const first = starts.reduce((a, b) => Math.min(a, b));
  const count = (starts.reduce((a, b) => Math.max(a, b)) - first) / PERIOD_MS[interval] + 1;
  const periods = Array.from({ length: count }, (_, i) => {
    const start = first + i * PERIOD_MS[interval];
    const steps = reachedOf(
      query,
      groups.filter((g) => g.period === start),
    );
    const entered = steps[0] ?? 0;
    return { start, entered, steps, conversion: percent(steps[steps.length - 1] ?? 0, entered) };
  });
  return { interval, periods };
}

function stepResults(query: FunnelQuery, reached: number[]): FunnelStepResult[] {
  const first = reached[0] ?? 0;
  return query.steps.map((step, k) => {
    const people = reached[k] ?? 0;
    const previous = k === 0 ? first : (reached[k - 1] ?? 0);
    return {
      name: step.name,
      people,
      conversionFromPrevious: percent(people, previous),
      conversionFromStart: percent(people, first),
      lost: previous - people,
      target: step.target ?? null,
    };
  });
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** Step k → k+1 for every step whose previous step has anyone. */
function transitionsOf(steps: FunnelStepResult[]): FunnelTransition[] {
  return steps.slice(1).flatMap((to, i) => {
    const from = steps[i] as FunnelStepResult;
    if (to.conversionFromPrevious === null) return [];
    const conversion = to.conversionFromPrevious;
    return [
      {
        fromStep: i + 1,
        toStep: i + 2,
        fromName: from.name,
        toName: to.name,
        conversion,
        lost: to.lost,
        gapToTarget: to.target === null ? null : to.target - conversion,
      },
    ];
  });
}

/** The transition with the highest score; ties go to the one losing more people, then the earlier one. */
function pickBest(
  transitions: FunnelTransition[],
  score: (t: FunnelTransition) => number,
): FunnelTransition | null {
  let best: FunnelTransition | null = null;
  for (const t of transitions) {
    if (!best || score(t) > score(best) || (score(t) === score(best) && t.lost > best.lost)) best = t;
  }
  return best;
}
