import { type FunnelQuery, SESSION_GAP_MS } from "../domain/analytics/funnel-query.js";
import type { EventColumns } from "./event-columns.js";

/**
 * Visits each unit of one person's events (already in event order) as a range [begin, end): the
 * whole person, or each session, a new one starting after more than 30 minutes without any event
 * of the person (docs/analytics.md "Unit").
 */
export function forEachUnit(
  events: EventColumns,
  unit: FunnelQuery["unit"],
  visit: (begin: number, end: number) => void,
): void {
  if (events.length === 0) return;
  if (unit === "person") {
    visit(0, events.length);
    return;
  }
  const times = events.times;
  let begin = 0;
  for (let i = 1; i < events.length; i++) {
    if ((times[i] as number) - (times[i - 1] as number) > SESSION_GAP_MS) {
      visit(begin, i);
      begin = i;
    }
  }
  visit(begin, events.length);
}
