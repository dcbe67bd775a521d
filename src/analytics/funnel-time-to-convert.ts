import type { FunnelQuery, TimeToConvert } from "../domain/analytics/funnel-query.js";

/**
 * One transition's times to convert, reduced to what the result shows; every engine computes
 * exactly these numbers (docs/analytics.md "Time to convert"), the SQL ones in SQL.
 */
export type DurationSummary = {
  fromStep: number;
  people: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  widthMs: number;
  binCount: number;
  /** Non-empty bins only: index 0 starts at minMs. */
  bins: { index: number; people: number }[];
};

/** PostHog's rule of thumb: ⌈∛n⌉ bins, at most 60. */
export const MAX_BINS = 60;

/**
 * Bin width and count for n times from minMs to maxMs: b = the smallest b ≥ 1 with b³ ≥ n (at
 * most 60), span = max − min + 1, width = ⌈span ÷ min(b, span)⌉, count = ⌈span ÷ width⌉.
 * Integer arithmetic only, so SQL engines get the same bins.
 */
export function binLayout(
  people: number,
  minMs: number,
  maxMs: number,
): { widthMs: number; binCount: number } {
  let bins = 1;
  while (bins < MAX_BINS && bins ** 3 < people) bins++;
  const span = maxMs - minMs + 1;
  const widthMs = Math.ceil(span / Math.min(bins, span));
  return { widthMs, binCount: Math.ceil(span / widthMs) };
}

/** Nearest rank: the value at 1-based rank ⌈q·n⌉ of the sorted values (q = 1/2 and 9/10). */
export function summarizeDurations(fromStep: number, durations: number[]): DurationSummary | null {
  const sorted = [...durations].sort((a, b) => a - b);
  const people = sorted.length;
  const minMs = sorted[0];
  const maxMs = sorted[people - 1];
  if (minMs === undefined || maxMs === undefined) return null;
  const { widthMs, binCount } = binLayout(people, minMs, maxMs);
  const counts = new Map<number, number>();
  for (const d of sorted) {
    const index = Math.floor((d - minMs) / widthMs);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return {
    fromStep,
    people,
    medianMs: sorted[Math.ceil(people / 2) - 1] ?? minMs,
    p90Ms: sorted[Math.ceil((9 * people) / 10) - 1] ?? minMs,
    minMs,
    widthMs,
    binCount,
    bins: [...counts].map(([index, people]) => ({ index, people })),
  };
}

/** One entry per transition, empty where nobody converted (or none was computed, as in any order). */
export function timeToConvertOf(query: FunnelQuery, summaries: DurationSummary[]): TimeToConvert[] {
  return query.steps.slice(1).map((_, i) => {
    const fromStep = i + 1;
    const summary = summaries.find((s) => s.fromStep === fromStep);
    if (!summary) {
      return { fromStep, toStep: fromStep + 1, people: 0, medianMs: null, p90Ms: null, histogram: [] };
    }
    const counts = new Map(summary.bins.map((bin) => [bin.index, bin.people]));
    return {
      fromStep,
      toStep: fromStep + 1,
      people: summary.people,
      medianMs: summary.medianMs,
      p90Ms: summary.p90Ms,
      histogram: Array.from({ length: summary.binCount }, (_, index) => ({
        fromMs: summary.minMs + index * summary.widthMs,
        toMs: summary.minMs + (index + 1) * summary.widthMs,
        people: counts.get(index) ?? 0,
      })),
    };
  });
}
