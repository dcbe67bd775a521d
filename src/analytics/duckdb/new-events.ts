import type { DuckDBConnection } from "@duckdb/node-api";
import type { InsertResult } from "../event-store.js";
import { IDENTIFY_EVENT } from "../resolve-identities.js";

/**
 * How an import lands in `raw_events`: every row is appended straight to the table inside the
 * import's transaction (no staging copy of the whole file, so a bulk load streams from the file to
 * the store), then the rows it added are deduplicated in place. Rows added in the transaction are
 * the ones with a `rowid` above the largest before it (DuckDB never reuses row ids).
 */

/**
 * The dedupe key, 128 bits: for a row with a source id, `md5_number('id:' || id)`; otherwise
 * `md5_number` of the content (person, time in ms, event, properties text, source). Identical rows
 * share a key: an import keeps as many copies of a content as it brings beyond those already
 * stored, so genuinely repeated rows in one file are kept while importing the file again adds
 * nothing. Stores from before kept the same md5 as text (see MIGRATE_TEXT_KEYS).
 */
const DEDUPE_KEY_SQL = `CASE WHEN id IS NOT NULL THEN md5_number('id:' || id)
  ELSE md5_number(concat_ws(chr(0), person, CAST(time AS BIGINT), event, properties, source)) END`;

/**
 * Appends the rows of `rowsSql` to `raw_events` with their dedupe key. `rowsSql` gives `person`,
 * `time` (epoch ms, a number), `event`, `properties` (JSON text), `source` and `id`; `orderBy`,
 * when given, fixes which row of a repeated id counts as the first.
 */
export function appendRowsSql(rowsSql: string, orderBy?: string): string {
  return `INSERT INTO raw_events (person, time, event, properties, source, id, dedupe_key)
SELECT person, CAST(epoch_ms(CAST(time AS BIGINT)) AS TIMESTAMP_MS), event, CAST(properties AS JSON), source, id,
       ${DEDUPE_KEY_SQL}
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
  WITH ids AS (SELECT rowid AS row_id, dedupe_key FROM raw_events WHERE rowid > $1 AND id IS NOT NULL)
  SELECT row_id FROM (
    SELECT row_id, row_number() OVER (PARTITION BY dedupe_key ORDER BY row_id) AS n
    FROM ids WHERE dedupe_key IN (SELECT dedupe_key FROM ids GROUP BY dedupe_key HAVING count(*) > 1)
  ) WHERE n > 1)`;

/**
 * Per key of the import, how many rows are stored already. Only stored rows that can match are
 * read: the same id, or content whose time lies inside the import's range, so an import of new
 * days does not read the whole store.
 */
const COUNT_STORED_COPIES = `
CREATE TEMP TABLE stored_copies AS
SELECT dedupe_key, count(*) AS stored FROM raw_events
WHERE rowid <= $1
  AND (id IS NOT NULL OR time BETWEEN (SELECT min(time) FROM raw_events WHERE rowid > $1)
                                  AND (SELECT max(time) FROM raw_events WHERE rowid > $1))
  AND dedupe_key IN (SELECT dedupe_key FROM raw_events WHERE rowid > $1)
GROUP BY dedupe_key`;

/** Of each key already stored n times, the import's first n rows go: they are the stored ones again. */
const DROP_STORED_COPIES = `
DELETE FROM raw_events WHERE rowid IN (
  SELECT row_id FROM (
    SELECT r.rowid AS row_id, s.stored, row_number() OVER (PARTITION BY r.dedupe_key ORDER BY r.rowid) AS n
    FROM raw_events r JOIN stored_copies s ON s.dedupe_key = r.dedupe_key
    WHERE r.rowid > $1
  ) WHERE n <= stored)`;

const COUNT_ADDED = `
SELECT count(*)::BIGINT AS n, count(*) FILTER (event = '${IDENTIFY_EVENT}')::BIGINT AS identifies
FROM raw_events WHERE rowid > $1`;

/**
 * Deduplicates the rows appended after `before` (inside the caller's transaction): repeated ids of
 * the import and copies of stored rows are deleted. Identical rows within the import are left
 * alone, so a fresh import touches none of its rows again (changing rows just written makes
 * DuckDB rewrite them at commit). Says how many were added and whether any `$identify` came in.
 */
export async function dedupeNewEvents(
  connection: DuckDBConnection,
  before: bigint,
  appended: number,
): Promise<InsertResult & { identifies: boolean }> {
  await connection.run(DROP_REPEATED_IDS, [before]);
  if (before >= 0n) {
    await connection.run(COUNT_STORED_COPIES, [before]);
    await connection.run(DROP_STORED_COPIES, [before]);
    await connection.run("DROP TABLE stored_copies");
  }
  const reader = await connection.runAndReadAll(COUNT_ADDED, [before]);
  const [counts] = reader.getRowObjectsJS();
  const inserted = Number(counts?.n ?? 0);
  return { inserted, duplicates: appended - inserted, identifies: Number(counts?.identifies ?? 0) > 0 };
}

/** The 16 bytes of an md5 hex text as `md5_number` reads them (little-endian), in SQL. */
function md5HexNumberSql(hex: string): string {
  const bytes = (from: number): string =>
    Array.from({ length: 8 }, (_, i) => `substr(${hex}, ${(from + 7 - i) * 2 + 1}, 2)`).join(" || ");
  const half = (from: number): string => `CAST(CAST('0x' || ${bytes(from)} AS UBIGINT) AS UHUGEINT)`;
  return `(${half(8)} * CAST(18446744073709551616 AS UHUGEINT) + ${half(0)})`;
}

/**
 * Stores from before kept the key as text, `id:<id>` or `h:<md5 hex>:<occurrence>`; the same md5
 * read as a number (the occurrence dropped) gives the new key, so importing a file again into a
 * converted store still adds nothing.
 */
export const MIGRATE_TEXT_KEYS = `
ALTER TABLE raw_events ALTER dedupe_key SET DATA TYPE UHUGEINT USING (
  CASE WHEN starts_with(dedupe_key, 'id:') THEN md5_number(dedupe_key)
  ELSE ${md5HexNumberSql("substr(dedupe_key, 3, 32)")} END)`;

export const FIND_TEXT_KEYS = `
SELECT count(*)::INTEGER AS n FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = 'raw_events' AND column_name = 'dedupe_key' AND data_type = 'VARCHAR'`;
