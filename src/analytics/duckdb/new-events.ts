import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { InsertResult } from "../event-store.js";
import { IDENTIFY_EVENT } from "../resolve-identities.js";

/**
 * How an import lands in `raw_events`: every row is appended straight to the table inside the
 * import's transaction (no staging copy of the whole file, so a bulk load streams from the file to
 * the store), then the rows it added are deduplicated in place. Rows added in the transaction are
 * the ones with a `rowid` above the largest before it (DuckDB never reuses row ids).
 */

/**
 * Appends the rows of `rowsSql` to `raw_events`. `rowsSql` gives `person`, `time` (epoch ms, a
 * number), `event`, `properties` (JSON text), `source` and `id`; `orderBy`, when given, fixes which
 * row of a repeated id counts as the first.
 */
export function appendRowsSql(rowsSql: string, orderBy?: string): string {
  return `INSERT INTO raw_events (person, time, event, properties, source, id)
SELECT person, CAST(epoch_ms(CAST(time AS BIGINT)) AS TIMESTAMP_MS), event, CAST(properties AS JSON), source, id
FROM (${rowsSql})${orderBy ? ` ORDER BY ${orderBy}` : ""}`;
}

/** The largest row id of `raw_events` (-1 when empty): rows appended after it are the import's. */
export async function lastRowId(connection: DuckDBConnection): Promise<bigint> {
  const reader = await connection.runAndReadAll(
    "SELECT coalesce(max(rowid), -1)::BIGINT AS id FROM raw_events",
  );
  return BigInt(String(reader.getRowObjectsJS()[0]?.id ?? -1));
}

/**
 * A repeated id within the import keeps its first row (in row order). Grouping first keeps the
 * window (a sort) to the few repeated ids.
 */
const DROP_REPEATED_IDS = `
DELETE FROM raw_events WHERE rowid IN (
  WITH ids AS (SELECT rowid AS row_id, id FROM raw_events WHERE rowid > $1 AND id IS NOT NULL)
  SELECT row_id FROM (
    SELECT row_id, row_number() OVER (PARTITION BY id ORDER BY row_id) AS n
    FROM ids WHERE id IN (SELECT id FROM ids GROUP BY id HAVING count(*) > 1)
  ) WHERE n > 1)`;

/**
 * An id already stored: the import's row is the stored event again. Only the import's ids are
 * looked up, so a capture of a few events does not build a table of every stored id.
 */
const DROP_STORED_IDS = `
DELETE FROM raw_events WHERE rowid > $1 AND id IN (
  SELECT id FROM raw_events
  WHERE rowid <= $1 AND id IN (SELECT id FROM raw_events WHERE rowid > $1 AND id IS NOT NULL))`;

/**
 * The content of a row without an id, as compared: the JSON text as stored (DuckDB keeps it as
 * given), the time in ms.
 */
const CONTENT = "person, epoch_ms(time) AS ms, event, CAST(properties AS VARCHAR) AS properties, source";
const SAME_CONTENT = ["person", "ms", "event", "properties", "source"]
  .map((c) => `s.${c} = r.${c}`)
  .join(" AND ");

/**
 * Per content of rows without an id, how many are stored already. Only stored rows whose time lies
 * inside the range of the import's rows without an id ($2, $3) can match, so an import of new days
 * reads none of the store's content.
 */
const COUNT_STORED_CONTENT = `
CREATE TEMP TABLE stored_content AS
SELECT ${CONTENT}, count(*) AS stored FROM raw_events
WHERE rowid <= $1 AND id IS NULL AND time BETWEEN $2 AND $3
GROUP BY ALL`;

/** Of each content already stored n times, the import's first n rows go: they are the stored ones again. */
const DROP_STORED_CONTENT = `
DELETE FROM raw_events WHERE rowid IN (
  SELECT row_id FROM (
    SELECT r.row_id, s.stored,
           row_number() OVER (PARTITION BY r.person, r.ms, r.event, r.properties, r.source ORDER BY r.row_id) AS n
    FROM (SELECT rowid AS row_id, ${CONTENT} FROM raw_events WHERE rowid > $1 AND id IS NULL) r
    JOIN stored_content s ON ${SAME_CONTENT}
  ) WHERE n <= stored)`;

/**
 * What the import's rows hold, to run only the steps that can change anything; three plain scans
 * rather than one with FILTER clauses, so DuckDB can skip row groups for the `$identify` count and
 * a fresh store reads no times.
 */
const COUNT_ADDED =
  "SELECT count(*)::BIGINT AS n, count(id)::BIGINT AS with_id FROM raw_events WHERE rowid > $1";
const COUNT_ADDED_IDENTIFIES = `SELECT count(*)::BIGINT AS n FROM raw_events WHERE rowid > $1 AND event = '${IDENTIFY_EVENT}'`;
const ADDED_CONTENT_RANGE =
  "SELECT min(time) AS low, max(time) AS high FROM raw_events WHERE rowid > $1 AND id IS NULL";

/**
 * Deduplicates the rows appended after `before` (inside the caller's transaction): repeated ids of
 * the import, stored ids, and as many copies of a content as are stored already are deleted, so
 * identical rows of one file are all kept and importing the file again adds nothing. A fresh import
 * touches none of its rows again (changing rows just written makes DuckDB rewrite them at commit).
 * Says how many were added and whether any `$identify` came in.
 */
export async function dedupeNewEvents(
  connection: DuckDBConnection,
  before: bigint,
  appended: number,
): Promise<InsertResult & { identifies: boolean }> {
  const added = await countAdded(connection, before);
  const checkIds = added.withId > 0;
  const range = before >= 0n ? await addedContentRange(connection, before) : null;
  if (checkIds) {
    await connection.run(DROP_REPEATED_IDS, [before]);
    if (before >= 0n) await connection.run(DROP_STORED_IDS, [before]);
  }
  if (range) {
    await connection.run(COUNT_STORED_CONTENT, [before, range.low, range.high]);
    await connection.run(DROP_STORED_CONTENT, [before]);
    await connection.run("DROP TABLE stored_content");
  }
  const kept = checkIds || range ? (await countAdded(connection, before)).n : added.n;
  const identifies = (await countAddedIdentifies(connection, before)) > 0;
  return { inserted: kept, duplicates: appended - kept, identifies };
}

async function countAdded(
  connection: DuckDBConnection,
  before: bigint,
): Promise<{ n: number; withId: number }> {
  const reader = await connection.runAndReadAll(COUNT_ADDED, [before]);
  const [n, withId] = reader.getRows()[0] ?? [];
  return { n: Number(n ?? 0), withId: Number(withId ?? 0) };
}

/** The time range of the import's rows without an id; null when there are none. */
async function addedContentRange(
  connection: DuckDBConnection,
  before: bigint,
): Promise<{ low: DuckDBValue; high: DuckDBValue } | null> {
  const reader = await connection.runAndReadAll(ADDED_CONTENT_RANGE, [before]);
  const [low, high] = reader.getRows()[0] ?? [];
  return low === null || low === undefined ? null : { low, high: high ?? null };
}

/** `$identify` events kept: only they can change the identity links. */
async function countAddedIdentifies(connection: DuckDBConnection, before: bigint): Promise<number> {
  const reader = await connection.runAndReadAll(COUNT_ADDED_IDENTIFIES, [before]);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** Stores from before kept a dedupe key (an md5 of the id or the content); it is derived from the rest. */
export const FIND_KEY_COLUMN = `
SELECT count(*)::INTEGER AS n FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = 'raw_events' AND column_name = 'dedupe_key'`;
export const DROP_KEY_COLUMN = "ALTER TABLE raw_events DROP COLUMN dedupe_key";
