import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binLayout, summarizeDurations } from "./funnel-time-to-convert.js";

/** The definition in docs/analytics.md "Time to convert", written the obvious way: sort everything. */
function bySorting(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const n = sorted.length;
  const minMs = sorted[0] as number;
  const { widthMs, binCount } = binLayout(n, minMs, sorted[n - 1] as number);
  const bins = new Map<number, number>();
  for (const d of sorted) {
    const index = Math.floor((d - minMs) / widthMs);
    bins.set(index, (bins.get(index) ?? 0) + 1);
  }
  return {
    people: n,
    medianMs: sorted[Math.ceil(n / 2) - 1],
    p90Ms: sorted[Math.ceil((9 * n) / 10) - 1],
    minMs,
    widthMs,
    binCount,
    bins: [...bins].map(([index, people]) => ({ index, people })),
  };
}

describe("summarizeDurations", () => {
  it("gives the nearest-rank median and p90 and the bins of the sorted times, in any input order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 400 }),
        fc.boolean(),
        (durations, typed) => {
          const input = typed ? Float64Array.from(durations) : durations;
          expect(summarizeDurations(3, input)).toEqual({ fromStep: 3, ...bySorting(durations) });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads the ranks from a skewed list where median and p90 sit far apart", () => {
    // 1…10 shuffled: nearest rank 5 is 5, rank 9 is 9.
    const summary = summarizeDurations(1, [7, 3, 10, 1, 9, 5, 2, 8, 6, 4]);
    expect(summary).toMatchObject({ medianMs: 5, p90Ms: 9, minMs: 1, people: 10 });
  });

  it("leaves the caller's times as they were and summarizes nothing as null", () => {
    const durations = Float64Array.from([30, 10, 20]);
    summarizeDurations(1, durations);
    expect([...durations]).toEqual([30, 10, 20]);
    expect(summarizeDurations(1, [])).toBeNull();
  });
});
