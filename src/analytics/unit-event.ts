/**
 * One event of a funnel unit, reduced to what the funnel needs: its time (epoch ms), the steps it
 * matches (1-based) and the gaps it is excluded from (gap k lies between step k and step k+1).
 */
export type UnitEvent = { time: number; steps: number[]; excludedGaps: number[] };

/** A unit reached `level` steps (0 = did not enter), or was removed by an exclusion. */
export type UnitOutcome = { level: number; removed: boolean };

/** Whether a step-1 event at `time` may start a chain (from inclusive, to exclusive). */
export function inEntryRange(time: number, range: { from?: number | undefined; to?: number | undefined }) {
  return (range.from === undefined || time >= range.from) && (range.to === undefined || time < range.to);
}
