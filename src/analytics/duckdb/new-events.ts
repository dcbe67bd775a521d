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
 * `md5_number` of the content (person, time in ms, event, properties text, source), XOR the
 * occurrence number minus one, so genuinely repeated rows in one file are kept (occurrences 1, 2,
 * …) while importing the file again adds nothing. Stores from before kept the same md5 as text
 * (`h:<md5 hex>:<occurrence>`, `id:<id>`); see MIGRATE_TEXT_KEYS.
 */
const DEDUPE_KEY_SQL = `CASE WHEN id IS NOT NULL THEN md5_number('id:' || id)
  ELSE md5_number(concat_ws(chr(0), person, CAST(time AS BIGINT), event, properties, source)) END`;

/**
 * Appends the rows of `rowsSql` to `raw_events` with their first-occurrence key. `rowsSql` gives
 * `person`, `time` (epoch ms, a number), `event`, `properties` (JSON text), `source` and `id`;
 * `orderBy`, when given, fixes which of two identical rows counts as the first.
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
 * Keys that occur more than once among the import's rows; then, for each, every occurrence after
 * the first (in row order): a repeated id is dropped, repeated content gets its occurrence number.
 * Grouping first keeps the window (a sort) to the few repeated rows.
 */
const FIND_LATER_COPIES = `
CREATE TEMP TABLE later_copies AS
WITH added AS (SELECT rowid AS row_id, dedupe_key, id IS NOT NULL AS by_id FROM raw_events WHERE rowid > $1),
repeated AS (SELECT dedupe_key FROM added GROUP BY dedupe_key HAVING count(*) > 1)
SELECT * FROM (
  SELECT row_id, by_id, row_number() OVER (PARTITION BY dedupe_key ORDER BY row_id) AS occurrence
  FROM added SEMI JOIN repeated USING (dedupe_key)
) WHERE occurrence > 1`;
const DROP_REPEATED_IDS =
  "DELETE FROM raw_events WHERE rowid IN (SELECT row_id FROM later_copies WHERE by_id)";
const NUMBER_REPEATED_CONTENT = `
UPDATE raw_events SET dedupe_key = xor(raw_events.dedupe_key, CAST(c.occurrence - 1 AS UHUGEINT))
FROM later_copies c WHERE raw_events.rowid = c.row_id AND NOT c.by_id`;

/**
 * Drops the import's rows already stored. Only stored rows that can match are read: the same id,
 * or a content key whose time lies inside the import's range, so an import of new days does not
 * read the whole store.
 */
const DROP_STORED_COPIES = `
DELETE FROM raw_events WHERE rowid > $1 AND dedupe_key IN (
  SELECT dedupe_key FROM raw_events
  WHERE rowid <= $1 AND (id IS NOT NULL OR time BETWEEN (SELECT min(time) FROM raw_events WHERE rowid > $1)
                                                    AND (SELECT max(time) FROM raw_events WHERE rowid > $1)))`;

const COUNT_ADDED = `
SELECT count(*)::BIGINT AS n, count(*) FILTER (event = '${IDENTIFY_EVENT}')::BIGINT AS identifies
FROM raw_events WHERE rowid > $1`;

/**
 * Deduplicates the rows appended after `before` (inside the caller's transaction): repeated rows
 * of the import numbered or dropped, copies of stored rows dropped. Says how many were added and
 * whether any `$identify` event came in.
 */
export async function dedupeNewEvents(
  connection: DuckDBConnection,
  before: bigint,
  appended: number,
): Promise<InsertResult & { identifies: boolean }> {
  await connection.run(FIND_LATER_COPIES, [before]);
  await connection.run(DROP_REPEATED_IDS);
  await connection.run(NUMBER_REPEATED_CONTENT);
  await connection.run("DROP TABLE later_copies");
  if (before >= 0n) await connection.run(DROP_STORED_COPIES, [before]);
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
 * Stores from before kept the key as text; the same md5 read as a number gives the same key, so
 * importing a file again into a converted store still adds nothing.
 */
export const MIGRATE_TEXT_KEYS = `
ALTER TABLE raw_events ALTER dedupe_key SET DATA TYPE UHUGEINT USING (
  CASE WHEN starts_with(dedupe_key, 'id:') THEN md5_number(dedupe_key)
  ELSE xor(${md5HexNumberSql("substr(dedupe_key, 3, 32)")}, CAST(CAST(split_part(dedupe_key, ':', 3) AS BIGINT) - 1 AS UHUGEINT))
  END)`;

export const FIND_TEXT_KEYS = `
SELECT count(*)::INTEGER AS n FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = 'raw_events' AND column_name = 'dedupe_key' AND data_type = 'VARCHAR'`;
