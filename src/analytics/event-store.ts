import type { AnalyticsEngine } from "./engine.js";
import type { EventRecord } from "./event.js";

export type InsertResult = { inserted: number; duplicates: number };
export type EventCount = { event: string; people: number; events: number };

/**
 * Where a workspace's events live: the embedded DuckDB file by default, ClickHouse at scale.
 * Every implementation dedupes (by `id`, else by a content hash) and inserts atomically.
 */
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
  /** The analytics engine over this store's events; closing the store ends it too. */
  engine(): AnalyticsEngine;
  close(): void;
}
