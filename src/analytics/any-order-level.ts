import type { FunnelQuery } from "../domain/analytics/funnel-query.js";
import { inEntryRange, type UnitEvent } from "./unit-event.js";

/**
 * Any-order funnel level of one unit: the largest k such that k distinct events, one for each of
 * steps 1..k in any order, lie within `windowMs` of the earliest of them, and that earliest event
 * is in the entry range. An event that matches several steps still counts for one of them, so this
 * is a bipartite matching of steps to events (augmenting paths; steps ≤ 32).
 * @param events the unit's events in time order
 */
export function anyOrderLevel(events: UnitEvent[], query: FunnelQuery): number {
  return anyOrderOutcome(events, query).level;
}

/**
 * The any-order level and the unit's entry: the latest anchor (earliest event of a matched set)
 * that reaches that level, as ordered funnels keep the latest start; null when level is 0.
 */
export function anyOrderOutcome(
  events: UnitEvent[],
  query: FunnelQuery,
): { level: number; start: number | null } {
  const candidates = events.filter((e) => e.steps.length > 0);
  const anchors = [...new Set(candidates.map((e) => e.time))].filter((t) => inEntryRange(t, query));
  let best = 0;
  let start: number | null = null;
  for (const anchor of anchors) {
    const inWindow = candidates.filter((e) => e.time >= anchor && e.time <= anchor + query.windowMs);
    for (let k = query.steps.length; k >= Math.max(best, 1); k--) {
      if (coversSteps(inWindow, k, anchor)) {
        best = k;
        start = anchor;
        break;
      }
    }
  }
  return { level: best, start };
}

/** Steps 1..k can each take a different event, and one of those events happens at `anchor`. */
function coversSteps(events: UnitEvent[], k: number, anchor: number): boolean {
  return events.some(
    (first, index) =>
      first.time === anchor &&
      first.steps.some((step) => {
        if (step > k) return false;
        const others = events.filter((_, i) => i !== index);
        const rest = Array.from({ length: k }, (_, i) => i + 1).filter((s) => s !== step);
        return matchesAll(rest, others);
      }),
  );
}

/** Kuhn's augmenting paths: can every step get its own event? */
function matchesAll(steps: number[], events: UnitEvent[]): boolean {
  const owner: (number | undefined)[] = new Array(events.length).fill(undefined);
  const assign = (step: number, seen: boolean[]): boolean => {
    for (let e = 0; e < events.length; e++) {
      if (seen[e] || !events[e]?.steps.includes(step)) continue;
      seen[e] = true;
      const current = owner[e];
      if (current === undefined || assign(current, seen)) {
        owner[e] = step;
        return true;
      }
    }
    return false;
  };
  return steps.every((step) => assign(step, new Array(events.length).fill(false)));
}
