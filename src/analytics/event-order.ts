/**
 * The order of one unit's events, decided once for every engine (docs/analytics.md "Event order"):
 * by time, then by a key built from the steps and exclusions the event matches, so events with
 * equal timestamps come in step order. Events with the same time and key are interchangeable, so
 * any further tie-break (input order, dedupe key) gives the same funnel.
 */
export const UNMATCHED_SLOT = 999;
/** Exclusion slots sort after every step (steps are 1..32). */
export const EXCLUSION_SLOT_BASE = 500;

/**
 * The tie-break key: each matched step index, then each matched exclusion (500 + its index),
 * three digits apiece; "999" for an event that matches nothing. Compared as plain strings.
 * @example orderKey([1, 3], [0]) → "001003500"; orderKey([], []) → "999"
 */
export function orderKey(steps: number[], exclusions: number[]): string {
  const slots = [...steps, ...exclusions.map((x) => EXCLUSION_SLOT_BASE + x)];
  if (slots.length === 0) slots.push(UNMATCHED_SLOT);
  return slots.map((slot) => String(slot).padStart(3, "0")).join("");
}
