import type { EventSummary } from "../domain/analytics/event-summary.js";

type Row = Record<string, unknown>;

/**
 * The event summary from an engine's three aggregate queries: `totals` and every `sources` row carry
 * events, people, first_time, last_time (epoch ms); `names` rows carry event, people, events.
 */
export function eventSummaryOf(totals: Row | undefined, sources: Row[], names: Row[]): EventSummary {
  const events = Number(totals?.events ?? 0);
  return {
    events,
    people: Number(totals?.people ?? 0),
    // An empty table has no first or last time (ClickHouse even answers 1970 there).
    firstTime: events === 0 ? null : Number(totals?.first_time),
    lastTime: events === 0 ? null : Number(totals?.last_time),
    sources: sources.map((row) => ({
      source: String(row.source),
      events: Number(row.events),
      people: Number(row.people),
      firstTime: Number(row.first_time),
      lastTime: Number(row.last_time),
    })),
    eventNames: names.map((row) => ({
      event: String(row.event),
      people: Number(row.people),
      events: Number(row.events),
    })),
  };
}
