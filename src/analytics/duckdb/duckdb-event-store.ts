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
import { bulkCsvRows } from "./bulk-csv-import.js"; // bulk-load hook
import { bulkParquetRows } from "./bulk-parquet-import.js"; // bulk-load hook
import type { BulkRows } from "./bulk-rows.js";
import { DuckDbEngine } from "./duckdb-engine.js";
import { readEventSummary, readMatchingSources, readPropertyExamples } from "./event-summary.js";
import { CREATE_RAW_EVENTS_TABLE, FIND_OLD_EVENTS_TABLE, RENAME_OLD_EVENTS_TABLE } from "./events-table.js";
import { CREATE_IDENTITY_LINKS_TABLE, rebuildIdentityLinks, refreshEventsView } from "./identity-links.js";
import { appendRowsSql, DROP_KEY_COLUMN, dedupeNewEvents, FIND_KEY_COLUMN, lastRowId } from "./new-events.js";
import { PersonTimeline, TIMELINE_MAX_EVENTS } from "./person-timeline.js";

/** Rows per appended data chunk: DuckDB's vector size, so each chunk is one vector. */
const CHUNK_ROWS = 2048;

/**
 * Rows from JS land here first: the appender takes plain values, and the store then moves them
 * with the same SQL as the bulk loaders (new-events.ts). `time` and `seq` are DOUBLE because the
 * appender takes plain JS numbers for them (milliseconds stay exact below 2^53); `seq` orders
 * identical rows as in the file.
 */
const CREATE_STAGED_ROWS = `
CREATE TEMP TABLE staged_rows (
  seq INTEGER, person VARCHAR, time DOUBLE, event VARCHAR, properties VARCHAR, source VARCHAR, id VARCHAR
)`;
const STAGING_TYPES = [INTEGER, VARCHAR, DOUBLE, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

/**
 * The workspace's event store: one DuckDB file (`<dir>/events.duckdb`). Events are stored in
 * `raw_events`; queries read the `events` view, which resolves identities (identity-links.ts).
 * @example const store = await DuckDbEventStore.open(dataDir); await store.insertEvents(batches, { source: "crm.csv" })
 */
export class DuckDbEventStore implements EventStore {
  /**
   * Built on the first query that can use it, dropped on every write (person-timeline.ts); null
   * inside: the store has too many events to keep one.
   */
  private timeline: Promise<PersonTimeline | null> | null = null;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly timelineMaxEvents: number,
  ) {}

  /**
   * Opens or creates `<dir>/events.duckdb`; `":memory:"` gives a throwaway store for tests.
   * @param options.timelineMaxEvents above this many events no person timeline is kept in memory
   */
  static async open(dir: string, options: { timelineMaxEvents?: number } = {}): Promise<DuckDbEventStore> {
    const file = dir === ":memory:" ? dir : path.join(dir, "events.duckdb");
    if (dir !== ":memory:") mkdirSync(dir, { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await createTables(connection);
    return new DuckDbEventStore(instance, connection, options.timelineMaxEvents ?? TIMELINE_MAX_EVENTS);
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
    return this.insertNew(async () => {
      await this.connection.run(CREATE_STAGED_ROWS);
      await this.stage(batches, options.source);
      const appended = await this.connection.run(appendRowsSql("SELECT * FROM staged_rows", "seq"));
      await this.connection.run("DROP TABLE staged_rows");
      return appended.rowsChanged;
    });
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
    return new DuckDbEngine(this.connection, () => this.personTimeline());
  }

  close(): void {
    this.timeline = null;
    this.connection.closeSync();
    this.instance.closeSync();
  }

  // ── Bulk-load hooks (owners: bulk-csv-import.ts, bulk-parquet-import.ts). Same transaction,
  // dedupe and identity handling as insertEvents (insertNew).
  /**
   * Imports a plain CSV with DuckDB's read_csv, without passing rows through JS. Returns undefined,
   * with nothing stored, when the file needs the JS reader (see bulk-csv-import.ts).
   */
  async importCsvInBulk(request: BulkCsvRequest): Promise<InsertResult | undefined> {
    return this.importInBulk(await bulkCsvRows(request));
  }

  /**
   * Imports a Parquet file with DuckDB's read_parquet, without passing rows through JS. Returns
   * undefined, with nothing stored, when the file needs the JS reader (see bulk-parquet-import.ts).
   */
  async importParquetInBulk(request: BulkParquetRequest): Promise<InsertResult | undefined> {
    return this.importInBulk(await bulkParquetRows(this.connection, request));
  }

  /**
   * Tries each way of reading the file in turn, each in its own transaction (a bad row aborts
   * the statement and with it the transaction); undefined when none reads it. Without
   * `preserve_insertion_order` DuckDB reads the file and writes the store on every thread; the
   * stored order of rows means nothing, since every query sorts.
   */
  private async importInBulk(attempts: BulkRows[] | undefined): Promise<InsertResult | undefined> {
    if (!attempts) return undefined;
    await this.connection.run("SET preserve_insertion_order = false");
    try {
      for (const rows of attempts) {
        const result = await this.insertNew(async () => {
          const appended = await this.connection.run(appendRowsSql(rows.sql), rows.params);
          return appended.rowsChanged;
        }, "decline");
        if (result) return result;
      }
      return undefined;
    } finally {
      await this.connection.run("RESET preserve_insertion_order");
    }
  }
  // ── end of the bulk-load hook

  /**
   * One transaction: `append` adds the import's rows to `raw_events` and says how many, then they
   * are deduplicated (new-events.ts) and identities resolved again if needed. Nothing is kept if
   * anything throws; with `"decline"`, an error while appending (a bulk path meeting a row it
   * cannot read identically) gives undefined instead, so the caller falls back to the JS reader.
   */
  private insertNew(append: () => Promise<number>): Promise<InsertResult>;
  private insertNew(
    append: () => Promise<number>,
    onAppendError: "decline",
  ): Promise<InsertResult | undefined>;
  private async insertNew(
    append: () => Promise<number>,
    onAppendError?: "decline",
  ): Promise<InsertResult | undefined> {
    // Dropped before the transaction too: a timeline read during it would see its rows.
    this.timeline = null;
    try {
      return await this.insertInTransaction(append, onAppendError);
    } finally {
      this.timeline = null;
    }
  }

  private async insertInTransaction(
    append: () => Promise<number>,
    onAppendError?: "decline",
  ): Promise<InsertResult | undefined> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      const before = await lastRowId(this.connection);
      let appended: number;
      try {
        appended = await append();
      } catch (error) {
        if (onAppendError !== "decline") throw error;
        await this.connection.run("ROLLBACK");
        return undefined;
      }
      const { identifies, ...result } = await dedupeNewEvents(this.connection, before, appended);
      if (identifies) await rebuildIdentityLinks(this.connection);
      await this.connection.run("COMMIT");
      return result;
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
  }

  /** A failed build is not kept, so the next query tries again. */
  private personTimeline(): Promise<PersonTimeline | null> {
    if (!this.timeline) {
      const building = PersonTimeline.read(this.connection, this.timelineMaxEvents);
      this.timeline = building;
      building.catch(() => {
        if (this.timeline === building) this.timeline = null;
      });
    }
    return this.timeline;
  }

  private async query(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS();
  }

  /** Appends all batches to `staged_rows`, numbered in order. */
  private async stage(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    source: string,
  ): Promise<void> {
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
  }
}

/**
 * Creates the tables and the `events` view; a file from before identity linking has its `events`
 * table renamed to `raw_events` and any `$identify` events in it resolved, one with a stored
 * dedupe key column has it dropped.
 */
async function createTables(connection: DuckDBConnection): Promise<void> {
  const old = await connection.runAndReadAll(FIND_OLD_EVENTS_TABLE);
  const hasOldTable = Number(old.getRowObjectsJS()[0]?.n ?? 0) > 0;
  if (hasOldTable) await connection.run(RENAME_OLD_EVENTS_TABLE);
  await connection.run(CREATE_RAW_EVENTS_TABLE);
  const keyColumn = await connection.runAndReadAll(FIND_KEY_COLUMN);
  if (Number(keyColumn.getRowObjectsJS()[0]?.n ?? 0) > 0) await connection.run(DROP_KEY_COLUMN);
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
