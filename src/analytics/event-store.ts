import type { EventMatcher } from "../domain/analytics/event-matcher.js";
import type {
  EventCount,
  EventSummary,
  PropertyExamples,
  SourceSummary,
} from "../domain/analytics/event-summary.js";
import type { AnalyticsEngine } from "./engine.js";
import type { EventRecord } from "./event.js";

export type InsertResult = { inserted: number; duplicates: number };
export type { EventCount, EventSummary, PropertyExamples, SourceSummary };

/**
 * Where a workspace's events live: the embedded DuckDB file by default, ClickHouse at scale.
 * Every implementation dedupes (by `id`, else by a content hash) and inserts atomically.
 */
/** A stage's binding: a matcher and its alternatives. */
export type StepMatcher = EventMatcher & { or: EventMatcher[] };

export interface EventStore {
  /**
   * Adds every event of `batches` in one transaction: if reading the batches throws (a bad row in
   * an atomic import, a truncated file), nothing is stored. Events already stored are skipped.
   */
  insertEvents(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    options: { source: string },
  ): Promise<InsertResult>;
  countEvents(): Promise<number>;
  /** Time of the latest event (epoch ms), null when the store is empty. */
  lastEventTime(): Promise<number | null>;
  /** Per event name: distinct people and events, by name. */
  eventCounts(): Promise<EventCount[]>;
  /** Totals, per source (by name) and per event name (most people first). */
  summary(): Promise<EventSummary>;
  /**
   * The top-level property keys of the latest events named `event`, each with a few distinct
   * values as text, most common keys first; what the stage binding editor offers for conditions.
   */
  properties(event: string): Promise<PropertyExamples[]>;
  /** The sources (imports, capture) holding events that match any of `matchers` (with their `or`), by name. */
  sourcesOf(matchers: StepMatcher[]): Promise<string[]>;
  /** The analytics engine over this store's events; closing the store ends it too. */
  engine(): AnalyticsEngine;
  close(): void;
}
