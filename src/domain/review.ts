import { ValidationError } from "./errors.js";
import type { JourneyMap } from "./journey-map.js";

/** The sources advise revisiting a map at least once a year. */
export const REVIEW_INTERVAL_MONTHS = 12;

/**
 * True when the map was last reviewed (or, never reviewed, created) more than 12 months before `now`.
 * A map with neither date is not flagged: there is nothing to measure from.
 * @example isReviewOverdue(map, new Date(), row.createdAt)
 */
export function isReviewOverdue(map: JourneyMap, now: Date, createdAt?: string): boolean {
  const reference = map.lastReviewedAt ?? createdAt;
  if (reference === undefined) return false;
  const since = new Date(reference);
  if (Number.isNaN(since.getTime())) {
    throw new ValidationError(`createdAt: "${reference}" is not a date`, "createdAt");
  }
  const dueAt = new Date(since);
  dueAt.setUTCMonth(dueAt.getUTCMonth() + REVIEW_INTERVAL_MONTHS);
  return now.getTime() > dueAt.getTime();
}

/** The map marked as reviewed at `now`. */
export function markReviewed(map: JourneyMap, now: Date): JourneyMap {
  return { ...map, lastReviewedAt: now.toISOString() };
}
