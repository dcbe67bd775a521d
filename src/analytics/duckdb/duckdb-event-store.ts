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
import type { EventCount, EventStore, InsertResult } from "../event-store.js";
import type { BulkCsvRequest } from "../import/bulk-csv-store.js";
import { IDENTIFY_EVENT } from "../resolve-identities.js";
import { stageCsvInBulk } from "./bulk-csv-import.js"; // bulk-load hook
import { DuckDbEngine } from "./duckdb-engine.js";
import {
  type EventSummary,
  type PropertyExamples,
  readEventSummary,
  readPropertyExamples,
} from "./event-summary.js";
import { CREATE_RAW_EVENTS_TABLE, FIND_OLD_EVENTS_TABLE, RENAME_OLD_EVENTS_TABLE } from "./events-table.js";
import { CREATE_IDENTITY_LINKS_TABLE, rebuildIdentityLinks, refreshEventsView } from "./identity-links.js";

/** Rows per appended data chunk: DuckDB's vector size, so each chunk is one vector. */
const CHUNK_ROWS = 2048;

/**
 * Rows land here first: appending to a bare temp table is fast, and dedupe then runs once per
 * import as set operations instead of once per row. `time` and `seq` are DOUBLE because the
 * appender takes plain JS numbers for them (milliseconds stay exact below 2^53).
 */
const CREATE_STAGING = `
CREATE TEMP TABLE staging_events (
  seq INTEGER, person VARCHAR, time DOUBLE, event VARCHAR, properties VARCHAR, source VARCHAR, id VARCHAR
)`;
const STAGING_TYPES = [INTEGER, VARCHAR, DOUBLE, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

/**
 * The dedupe key: `id:<id>` when the source has ids; otherwise a hash of the content plus the
 * occurrence number of that content within this import, so genuinely repeated rows in one file
 * are kept while re-importing the file (or an overlapping export) adds nothing.
 */
const INSERT_NEW_EVENTS = `
INSERT INTO raw_events (person, time, event, properties, source, id, dedupe_key)
SELECT f.person, f.time, f.event, f.properties, f.source, f.id, f.dedupe_key
FROM (
  SELECT person, CAST(epoch_ms(CAST(time AS BIGINT)) AS TIMESTAMP_MS) AS time, event,
         CAST(properties AS JSON) AS properties, source, id,
         CASE WHEN id IS NOT NULL THEN base_key ELSE base_key || ':' || occurrence END AS dedupe_key
  FROM (
    SELECT *, row_number() OVER (PARTITION BY base_key ORDER BY seq) AS occurrence
    FROM (
      SELECT *, CASE WHEN id IS NOT NULL THEN 'id:' || id
        ELSE 'h:' || md5(concat_ws(chr(0), person, CAST(time AS BIGINT), event, properties, source))
      END AS base_key
      FROM staging_events
    )
  )
  WHERE id IS NULL OR occurrence = 1
) f
ANTI JOIN raw_events e ON e.dedupe_key = f.dedupe_key`;

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
    await this.connection.run("BEGIN TRANSACTION");
    try {
      await this.connection.run(CREATE_STAGING);
      const staged = await this.stage(batches, options.source);
      const identifies = await this.query(COUNT_STAGED_IDENTIFIES);
      const result = await this.connection.run(INSERT_NEW_EVENTS);
      if (Number(identifies[0]?.n ?? 0) > 0) await rebuildIdentityLinks(this.connection);
      await this.connection.run("DROP TABLE staging_events");
      await this.connection.run("COMMIT");
      const inserted = result.rowsChanged;
      return { inserted, duplicates: staged - inserted };
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
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

  /** The analytics engine over this store's events; closing the store ends it too. */
  engine(): DuckDbEngine {
    return new DuckDbEngine(this.connection);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  // ── Bulk-load hook (owner: bulk-csv-import.ts). Same transaction, staging, dedupe and identity
  // handling as insertEvents; keep the two in step.
  /**
   * Imports a plain CSV with DuckDB's read_csv, without passing rows through JS. Returns undefined,
   * with nothing stored, when the file needs the JS reader (see bulk-csv-import.ts).
   */
  async importCsvInBulk(request: BulkCsvRequest): Promise<InsertResult | undefined> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      await this.connection.run(CREATE_STAGING);
      const staged = await stageCsvInBulk(this.connection, request);
      if (staged === undefined) {
        await this.connection.run("ROLLBACK");
        return undefined;
      }
      const identifies = await this.query(COUNT_STAGED_IDENTIFIES);
      const result = await this.connection.run(INSERT_NEW_EVENTS);
      if (Number(identifies[0]?.n ?? 0) > 0) await rebuildIdentityLinks(this.connection);
      await this.connection.run("DROP TABLE staging_events");
      await this.connection.run("COMMIT");
      return { inserted: result.rowsChanged, duplicates: staged - result.rowsChanged };
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
  }
  // ── end of the bulk-load hook

  private async query(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS();
  }

  /** Appends all batches to the staging table; returns how many rows were staged. */
  private async stage(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    source: string,
  ): Promise<number> {
    const appender = await this.connection.createAppender("staging_events", null, "temp");
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
