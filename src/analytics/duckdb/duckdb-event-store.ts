import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  DOUBLE,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  VARCHAR,
} from "@duckdb/node-api";
import type { EventRecord } from "../event.js";
import type {
  EventCount,
  EventStore,
  EventSummary,
  InsertResult,
  PropertyExamples,
  StepMatcher,
} from "../event-store.js";
import type { BulkCsvRequest } from "../import/bulk-csv-store.js";
import type { BulkParquetRequest } from "../import/bulk-parquet-store.js";
import { IDENTIFY_EVENT } from "../resolve-identities.js";
import { stageCsvInBulk } from "./bulk-csv-import.js"; // bulk-load hook
import { stageParquetInBulk } from "./bulk-parquet-import.js"; // bulk-load hook
import { DuckDbEngine } from "./duckdb-engine.js";
import { readEventSummary, readMatchingSources, readPropertyExamples } from "./event-summary.js";
import { CREATE_RAW_EVENTS_TABLE, FIND_OLD_EVENTS_TABLE, RENAME_OLD_EVENTS_TABLE } from "./events-table.js";
import { CREATE_IDENTITY_LINKS_TABLE, rebuildIdentityLinks, refreshEventsView } from "./identity-links.js";
import { BASE_KEY_SQL, CREATE_STAGING } from "./staging-table.js";

/** Rows per appended data chunk: DuckDB's vector size, so each chunk is one vector. */
const CHUNK_ROWS = 2048;

/**
 * Rows land here first: appending to a bare temp table is fast, and dedupe then runs once per
 * import as set operations instead of once per row. `time` and `seq` are DOUBLE because the
 * appender takes plain JS numbers for them (milliseconds stay exact below 2^53).
 */
const CREATE_STAGED_ROWS = `
CREATE TEMP TABLE staged_rows (
  seq INTEGER, person VARCHAR, time DOUBLE, event VARCHAR, properties VARCHAR, source VARCHAR, id VARCHAR
)`;
const STAGING_TYPES = [INTEGER, VARCHAR, DOUBLE, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

const KEY_STAGED_ROWS = `INSERT INTO staging_events SELECT *, ${BASE_KEY_SQL} FROM staged_rows`;

const STAGED_TIME_RANGE = "SELECT min(time) AS low, max(time) AS high FROM staging_events";

/**
 * The dedupe key: the base key for ids; for content hashes, the base key plus the occurrence number
 * of that content within this import, so genuinely repeated rows in one file are kept while
 * re-importing the file (or an overlapping export) adds nothing. Only repeated keys are numbered
 * with a window (sorting every key cost three times a GROUP BY); the rest are occurrence 1. Stored
 * rows are only compared when they can match: the same id, or a hashed time inside the import's
 * range ($1, $2: epoch ms), so an import of new days does not hash-join the whole store.
 */
const INSERT_NEW_EVENTS = `
INSERT INTO raw_events (person, time, event, properties, source, id, dedupe_key)
WITH repeated AS (SELECT base_key FROM staging_events GROUP BY base_key HAVING count(*) > 1),
numbered AS (
  SELECT s.*, 1 AS occurrence FROM staging_events s ANTI JOIN repeated r ON r.base_key = s.base_key
  UNION ALL
  SELECT *, row_number() OVER (PARTITION BY base_key ORDER BY seq) AS occurrence
  FROM (SELECT s.* FROM staging_events s SEMI JOIN repeated r ON r.base_key = s.base_key)
)
SELECT f.person, f.time, f.event, f.properties, f.source, f.id, f.dedupe_key
FROM (
  SELECT person, CAST(epoch_ms(CAST(time AS BIGINT)) AS TIMESTAMP_MS) AS time, event,
         CAST(properties AS JSON) AS properties, source, id,
         CASE WHEN id IS NOT NULL THEN base_key ELSE base_key || ':' || occurrence END AS dedupe_key
  FROM numbered
  WHERE id IS NULL OR occurrence = 1
) f
ANTI JOIN (
  SELECT dedupe_key FROM raw_events
  WHERE id IS NOT NULL
     OR time BETWEEN CAST(epoch_ms(CAST($1 AS BIGINT)) AS TIMESTAMP_MS)
                 AND CAST(epoch_ms(CAST($2 AS BIGINT)) AS TIMESTAMP_MS)
) e ON e.dedupe_key = f.dedupe_key`;

const COUNT_STAGED_IDENTIFIES = `SELECT count(*)::INTEGER AS n FROM staging_events WHERE event = '${IDENTIFY_EVENT}'`;

/**
 * The workspace's event store: one DuckDB file (`<dir>/events.duckdb`). Events are stored in
 * `raw_events`; queries read the `events` view, which resolves identities (identity-links.ts).
 * @example const store = await DuckDbEventStore.open(dataDir); await store.insertEvents(batches, { source: "crm.csv" })
 */
export class DuckDbEventStore implements EventStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens or creates `<dir>/events.duckdb`; `":memory:"` gives a throwaway store for tests. */
  static async open(dir: string): Promise<DuckDbEventStore> {
    const file = dir === ":memory:" ? dir : path.join(dir, "events.duckdb");
    if (dir !== ":memory:") mkdirSync(dir, { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await createTables(connection);
    return new DuckDbEventStore(instance, connection);
  }

  /**
   * Adds every event of `batches` in one transaction: if reading the batches throws (a bad row in
   * an atomic import, a truncated file), nothing is stored. Events already stored are skipped.
   * A plain array of batches (`[events]`) works too.
   */
  async insertEvents(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    options: { source: string },
  ): Promise<InsertResult> {
    const result = await this.insertStaged(async () => {
      await this.connection.run(CREATE_STAGED_ROWS);
      const staged = await this.stage(batches, options.source);
      await this.connection.run(KEY_STAGED_ROWS);
      await this.connection.run("DROP TABLE staged_rows");
      return staged;
    });
    // Staging from batches never declines, so there is always a result.
    return result as InsertResult;
  }

  async countEvents(): Promise<number> {
    const rows = await this.query("SELECT count(*)::INTEGER AS n FROM events");
    return Number(rows[0]?.n ?? 0);
  }

  /** Time of the latest event (epoch ms), null when the store is empty. */
  async lastEventTime(): Promise<number | null> {
    const rows = await this.query("SELECT epoch_ms(max(time)) AS t FROM events");
    const time = rows[0]?.t;
    return time === null || time === undefined ? null : Number(time);
  }

  /** Per event name: distinct people and events, by name. */
  async eventCounts(): Promise<EventCount[]> {
    const rows = await this.query(`
      SELECT event, count(DISTINCT person)::INTEGER AS people, count(*)::INTEGER AS events
      FROM events GROUP BY event ORDER BY event`);
    return rows.map((row) => ({
      event: String(row.event),
      people: Number(row.people),
      events: Number(row.events),
    }));
  }

  /** Totals, per source and per event name, for the data panel. */
  summary(): Promise<EventSummary> {
    return readEventSummary(this.connection);
  }

  /** Top-level property keys of an event with a few example values, for the stage binding editor. */
  properties(event: string): Promise<PropertyExamples[]> {
    return readPropertyExamples(this.connection, event);
  }

  sourcesOf(matchers: StepMatcher[]): Promise<string[]> {
    return readMatchingSources(this.connection, matchers);
  }

  /** The analytics engine over this store's events; closing the store ends it too. */
  engine(): DuckDbEngine {
    return new DuckDbEngine(this.connection);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  // ── Bulk-load hooks (owners: bulk-csv-import.ts, bulk-parquet-import.ts). Same transaction,
  // staging, dedupe and identity handling as insertEvents (storeStaged).
  /**
   * Imports a plain CSV with DuckDB's read_csv, without passing rows through JS. Returns undefined,
   * with nothing stored, when the file needs the JS reader (see bulk-csv-import.ts).
   */
  importCsvInBulk(request: BulkCsvRequest): Promise<InsertResult | undefined> {
    return this.importInBulk((connection) => stageCsvInBulk(connection, request));
  }

  /**
   * Imports a Parquet file with DuckDB's read_parquet, without passing rows through JS. Returns
   * undefined, with nothing stored, when the file needs the JS reader (see bulk-parquet-import.ts).
   */
  importParquetInBulk(request: BulkParquetRequest): Promise<InsertResult | undefined> {
    return this.importInBulk((connection) => stageParquetInBulk(connection, request));
  }

  /**
   * Without `preserve_insertion_order` DuckDB reads the file and writes the store on every thread;
   * the stored order of rows means nothing, since every query sorts.
   */
  private async importInBulk(
    stageFile: (connection: DuckDBConnection) => Promise<number | undefined>,
  ): Promise<InsertResult | undefined> {
    await this.connection.run("SET preserve_insertion_order = false");
    try {
      return await this.insertStaged(() => stageFile(this.connection));
    } finally {
      await this.connection.run("RESET preserve_insertion_order");
    }
  }
  // ── end of the bulk-load hook

  /**
   * One transaction: `stage` fills `staging_events` and says how many rows it staged, then the new rows
   * move into the store. Nothing is kept if anything throws, or if `stage` declines (undefined: a bulk path
   * that cannot read the file identically, so the caller falls back to the JS reader).
   */
  private async insertStaged(stage: () => Promise<number | undefined>): Promise<InsertResult | undefined> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      await this.connection.run(CREATE_STAGING);
      const staged = await stage();
      if (staged === undefined) {
        await this.connection.run("ROLLBACK");
        return undefined;
      }
      const result = await this.storeStaged(staged);
      await this.connection.run("COMMIT");
      return result;
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
  }

  /** Moves the new rows of `staging_events` into the store (inside the caller's transaction). */
  private async storeStaged(staged: number): Promise<InsertResult> {
    const identifies = await this.query(COUNT_STAGED_IDENTIFIES);
    const [range] = await this.query(STAGED_TIME_RANGE);
    const result = await this.connection.run(INSERT_NEW_EVENTS, [
      Number(range?.low ?? 0),
      Number(range?.high ?? 0),
    ]);
    if (Number(identifies[0]?.n ?? 0) > 0) await rebuildIdentityLinks(this.connection);
    await this.connection.run("DROP TABLE staging_events");
    return { inserted: result.rowsChanged, duplicates: staged - result.rowsChanged };
  }

  private async query(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS();
  }

  /** Appends all batches to the staging table; returns how many rows were staged. */
  private async stage(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    source: string,
  ): Promise<number> {
    const appender = await this.connection.createAppender("staged_rows", null, "temp");
    let seq = 0;
    try {
      for await (const batch of batches) {
        for (let start = 0; start < batch.length; start += CHUNK_ROWS) {
          appender.appendDataChunk(toChunk(batch.slice(start, start + CHUNK_ROWS), seq, source));
          seq += Math.min(CHUNK_ROWS, batch.length - start);
        }
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return seq;
  }
}

/**
 * Creates the tables and the `events` view; a file from before identity linking has its `events`
 * table renamed to `raw_events` and any `$identify` events in it resolved.
 */
async function createTables(connection: DuckDBConnection): Promise<void> {
  const old = await connection.runAndReadAll(FIND_OLD_EVENTS_TABLE);
  const hasOldTable = Number(old.getRowObjectsJS()[0]?.n ?? 0) > 0;
  if (hasOldTable) await connection.run(RENAME_OLD_EVENTS_TABLE);
  await connection.run(CREATE_RAW_EVENTS_TABLE);
  await connection.run(CREATE_IDENTITY_LINKS_TABLE);
  if (hasOldTable) await rebuildIdentityLinks(connection);
  else await refreshEventsView(connection);
}

function toChunk(events: EventRecord[], firstSeq: number, source: string): DuckDBDataChunk {
  const chunk = DuckDBDataChunk.create(STAGING_TYPES, events.length);
  chunk.setColumns([
    events.map((_, i) => firstSeq + i),
    events.map((e) => e.person),
    events.map((e) => e.time),
    events.map((e) => e.event),
    events.map((e) => JSON.stringify(e.properties)),
    events.map((e) => e.source || source),
    events.map((e) => e.id),
  ]);
  return chunk;
}
