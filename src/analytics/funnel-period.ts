const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday: shifting by 3 days puts every Monday on a multiple of a week. */
const MONDAY_SHIFT_MS = 3 * DAY_MS;

/**
 * The start (epoch ms UTC) of the UTC day, or of the ISO week (Monday 00:00 UTC), holding `time`.
 * @example periodStart(Date.UTC(2024, 5, 5, 13), "week") → Date.UTC(2024, 5, 3) (a Monday)
 */
export function periodStart(time: number, interval: "day" | "week"): number {
  if (interval === "day") return time - modulo(time, DAY_MS);
  return time - modulo(time + MONDAY_SHIFT_MS, WEEK_MS);
}

/** Remainder that is never negative, so times before 1970 fall in the right period. */
function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
