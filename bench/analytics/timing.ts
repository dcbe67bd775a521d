/** Wall-clock times of repeated runs of one query: the first (cold) and the median of all. */
export type Timed = { firstSeconds: number; medianSeconds: number; minSeconds: number; runs: number };

/** Repeats stop once this much time went into one measure: at 10M+ events one run is the result. */
const BUDGET_SECONDS = 60;

export async function timeRuns(runs: number, run: () => Promise<void>): Promise<Timed> {
  const seconds: number[] = [];
  const total = (): number => seconds.reduce((sum, s) => sum + s, 0);
  for (let i = 0; i < runs && (i === 0 || total() < BUDGET_SECONDS); i++) {
    const started = performance.now();
    await run();
    seconds.push((performance.now() - started) / 1000);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    firstSeconds: seconds[0] ?? 0,
    medianSeconds: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0,
    minSeconds: sorted[0] ?? 0,
    runs: seconds.length,
  };
}

/** This process's peak resident memory so far (it only grows), in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
