import { ValidationError } from "../../domain/errors.js";
import { IDENTIFY_EVENT } from "../resolve-identities.js";

/** A database name that needs no quoting in SQL (and that chdb's insert accepts): letters, digits, underscores. */
const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `database.table`, refusing database names that would need quoting. */
export function qualifiedTable(database: string, table: string): string {
  if (!DATABASE_NAME.test(database)) {
    throw new ValidationError(
      `database "${database}" must be letters, digits and underscores (at most 64), starting with a letter`,
      "database",
    );
  }
  return `${database}.${table}`;
}

/**
 * Every event as imported, `$identify` events included: sorted by person and time, so a unit's
 * events are read together. `time` keeps millisecond precision; `properties` is the JSON object as
 * text; `dedupe_key` is the source id, or a content hash when the source has none.
 */
export function createRawEventsTableSql(table: string): string {
  return `
CREATE TABLE IF NOT EXISTS ${table} (
  person String,
  time DateTime64(3, 'UTC'),
  event LowCardinality(String),
  properties String,
  source LowCardinality(String),
  id Nullable(String),
  dedupe_key String
) ENGINE = MergeTree ORDER BY (person, time)`;
}

/** Rows of one import land here first, numbered by `seq` in input order; `time` in epoch ms. */
export function createStagingTableSql(table: string): string {
  return `
CREATE TABLE ${table} (
  seq UInt64, person String, time Int64, event String, properties String, source String, id Nullable(String)
) ENGINE = MergeTree ORDER BY tuple()`;
}

/** Every linked id and the person it resolves to; rebuilt whole after an import with `$identify` events. */
export function createIdentityLinksTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (alias String, person String) ENGINE = MergeTree ORDER BY alias`;
}

/**
 * The `events` view every query reads (docs/analytics.md "Identities"): each event under its
 * resolved person, `$identify` events left out. Without links it skips the join, so data with no
 * identities keeps reading straight from the sorted table.
 */
export function createEventsViewSql(database: string, hasLinks: boolean): string {
  const view = qualifiedTable(database, "events");
  const raw = qualifiedTable(database, "raw_events");
  const notIdentify = `event != '${IDENTIFY_EVENT}'`;
  if (!hasLinks) {
    return `CREATE OR REPLACE VIEW ${view} AS
      SELECT person, time, event, properties, source, id, dedupe_key FROM ${raw} WHERE ${notIdentify}`;
  }
  return `CREATE OR REPLACE VIEW ${view} AS
    SELECT if(l.person = '', r.person, l.person) AS person, r.time AS time, r.event AS event,
      r.properties AS properties, r.source AS source, r.id AS id, r.dedupe_key AS dedupe_key
    FROM ${raw} AS r ANY LEFT JOIN ${qualifiedTable(database, "identity_links")} AS l ON l.alias = r.person
    WHERE r.${notIdentify}`;
}
