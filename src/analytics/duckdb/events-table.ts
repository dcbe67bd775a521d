/**
 * The one wide events table every DuckDB query reads. `time` keeps millisecond precision;
 * `dedupe_key` is the source id, or a content hash when the source has none.
 * No PRIMARY KEY on `dedupe_key`: the index made bulk inserts several times slower and grows with
 * the table, and the event store already dedupes every import with one anti-join (see event-store.ts).
 */
export const CREATE_EVENTS_TABLE = `
CREATE TABLE IF NOT EXISTS events (
  person VARCHAR NOT NULL,
  time TIMESTAMP_MS NOT NULL,
  event VARCHAR NOT NULL,
  properties JSON NOT NULL,
  source VARCHAR NOT NULL,
  id VARCHAR,
  dedupe_key VARCHAR NOT NULL
)`;
