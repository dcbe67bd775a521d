import { IDENTIFY_EVENT } from "../resolve-identities.js";

/**
 * Every event as imported, `$identify` events included. `time` keeps millisecond precision. No key
 * column: an event is known by its `id`, or else by its content, and every import is deduplicated
 * as a whole against them (new-events.ts); an index or a stored hash made bulk inserts much slower.
 */
export const CREATE_RAW_EVENTS_TABLE = `
CREATE TABLE IF NOT EXISTS raw_events (
  person VARCHAR NOT NULL,
  time TIMESTAMP_MS NOT NULL,
  event VARCHAR NOT NULL,
  properties JSON NOT NULL,
  source VARCHAR NOT NULL,
  id VARCHAR
)`;

/** Workspace files from before identity linking keep their events in a table named `events`. */
export const FIND_OLD_EVENTS_TABLE = `
SELECT count(*)::INTEGER AS n FROM information_schema.tables
WHERE table_schema = 'main' AND table_name = 'events' AND table_type = 'BASE TABLE'`;
export const RENAME_OLD_EVENTS_TABLE = "ALTER TABLE events RENAME TO raw_events";

/**
 * The `events` view every query reads (docs/analytics.md "Identities"): each event under its
 * resolved person, `$identify` events left out. Without links it skips the join, so data with no
 * identities costs nothing extra.
 */
export function createEventsViewSql(hasLinks: boolean): string {
  const notIdentify = `event <> '${IDENTIFY_EVENT}'`;
  if (!hasLinks) {
    return `CREATE OR REPLACE VIEW events AS
      SELECT person, time, event, properties, source, id FROM raw_events WHERE ${notIdentify}`;
  }
  return `CREATE OR REPLACE VIEW events AS
    SELECT coalesce(l.person, r.person) AS person, r.time, r.event, r.properties, r.source, r.id
    FROM raw_events r LEFT JOIN identity_links l ON l.alias = r.person
    WHERE r.${notIdentify}`;
}
