import type { PropertyCondition } from "../../domain/analytics/event-matcher.js";
import type { EventRecord } from "../event.js";
import { meetsConditions } from "../match-event.js";

/**
 * The events of people who did at least one event (any time, any name) meeting every segment
 * condition (docs/analytics.md "Segment"); all events for an empty segment.
 */
export function inSegment(events: EventRecord[], segment: PropertyCondition[]): EventRecord[] {
  if (segment.length === 0) return events;
  const people = new Set(events.filter((e) => meetsConditions(e, segment)).map((e) => e.person));
  return events.filter((e) => people.has(e.person));
}
