import type { JourneyMap, Lang, MetricRow } from "./journey-map.js";

/** Stage i → the next stage that has a count: how many got there and how many went on. */
export interface Transition {
  fromStageId: string;
  toStageId: string;
  fromName: string;
  toName: string;
  reached: number;
  converted: number;
  /** converted / reached in percent, unrounded; null when nobody reached the stage. */
  conversion: number | null;
  /** reached − converted; negative when the later stage counts more people (e.g. other entry points). */
  lost: number;
  /** Target conversion in percent from the people row's `targets[toStageId]`. */
  target: number | null;
  /** target − conversion in percentage points; positive means below target. */
  gapToTarget: number | null;
}

export interface FunnelAnalysis {
  /** The "people" row the maths used; null when the map has none. */
  rowId: string | null;
  transitions: Transition[];
  /** The transition that keeps the smallest share (ties: the one losing more people). */
  keyBarrier: Transition | null;
  /** The transition furthest below its target (ties: the one losing more people); null if none is below. */
  belowTarget: Transition | null;
  /** Same as keyBarrier (the name docs/ARCHITECTURE.md uses). */
  largestLoss: Transition | null;
  /** Same as belowTarget (the name docs/ARCHITECTURE.md uses). */
  furthestBelowTarget: Transition | null;
}

/**
 * Funnel maths over the first "people" metric row. Stages without a count are skipped, so a
 * transition joins consecutive stages that have one.
 * @example 10 000 → 200 → 50 → 10 → (no count) → 7 gives conversions 2, 25, 20, 70 and the key barrier at the first.
 */
export function computeTransitions(map: JourneyMap): FunnelAnalysis {
  const row = findPeopleRow(map);
  const transitions = row ? transitionsOf(map, row) : [];
  const keyBarrier = pickBest(
    transitions.filter((t) => t.conversion !== null),
    (t) => -(t.conversion ?? 0),
  );
  const belowTarget = pickBest(
    transitions.filter((t) => t.gapToTarget !== null && t.gapToTarget > 0),
    (t) => t.gapToTarget ?? 0,
  );
  return {
    rowId: row?.id ?? null,
    transitions,
    keyBarrier,
    belowTarget,
    largestLoss: keyBarrier,
    furthestBelowTarget: belowTarget,
  };
}

/** The first metric row of kind "people", in lane order. */
export function findPeopleRow(map: JourneyMap): MetricRow | null {
  for (const lane of map.lanes) {
    if (lane.type !== "metrics") continue;
    const row = lane.rows.find((r) => r.kind === "people");
    if (row) return row;
  }
  return null;
}

function transitionsOf(map: JourneyMap, row: MetricRow): Transition[] {
  const counted = map.stages.flatMap((stage) => {
    const count = row.values[stage.id];
    return typeof count === "number" ? [{ stage, count }] : [];
  });
  return counted.slice(1).map(({ stage: to, count: converted }, i) => {
    const { stage: from, count: reached } = counted[i] as (typeof counted)[number];
    const conversion = reached === 0 ? null : (converted / reached) * 100;
    const target = row.targets[to.id] ?? null;
    return {
      fromStageId: from.id,
      toStageId: to.id,
      fromName: from.name,
      toName: to.name,
      reached,
      converted,
      conversion,
      lost: reached - converted,
      target,
      gapToTarget: target === null || conversion === null ? null : target - conversion,
    };
  });
}

/** The transition with the highest score; ties go to the one losing more people, then the earlier one. */
function pickBest(transitions: Transition[], score: (t: Transition) => number): Transition | null {
  let best: Transition | null = null;
  for (const t of transitions) {
    if (!best || score(t) > score(best) || (score(t) === score(best) && t.lost > best.lost)) best = t;
  }
  return best;
}

/**
 * A percentage for people to read: at most one decimal, the language's decimal separator.
 * @example formatPercent(12.5, "ru") → "12,5%"; formatPercent(2, "en") → "2%"; formatPercent(null, "en") → "—"
 */
export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  return `${number}%`;
}
