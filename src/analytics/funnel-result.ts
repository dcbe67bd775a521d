import type {
  FunnelQuery,
  FunnelResult,
  FunnelStepResult,
  FunnelTransition,
} from "../domain/analytics/funnel-query.js";

/**
 * Turns per-step counts into the result every engine returns, so engines only count.
 * @param reached reached[k] = units whose furthest step is at least k+1
 * @param excluded units removed by an exclusion
 */
export function buildFunnelResult(query: FunnelQuery, reached: number[], excluded: number): FunnelResult {
  const first = reached[0] ?? 0;
  const steps: FunnelStepResult[] = query.steps.map((step, k) => {
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
  };
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
