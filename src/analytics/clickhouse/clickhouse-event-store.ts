import { randomUUID } from "node:crypto";
import type { EventRecord } from "../event.js";
import type {
  EventCount,
  EventStore,
  EventSummary,
  InsertResult,
  PropertyExamples,
  StepMatcher,
} from "../event-store.js";
import { IDENTIFY_EVENT } from "../resolve-identities.js";
import { ClickHouseEngine } from "./clickhouse-engine.js";
import type { ClickHouseTransport } from "./clickhouse-transport.js";
import { readEventSummary, readMatchingSources, readPropertyExamples } from "./event-summary.js";
import {
  createIdentityLinksTableSql,
  createRawEventsTableSql,
  createStagingTableSql,
  qualifiedTable,
} from "./events-table.js";
import { rebuildIdentityLinks, refreshEventsView } from "./identity-links.js";

/** Rows per insert request while staging: large enough to be fast, small enough to stay in memory. */
const STAGING_ROWS = 50_000;

/**
 * The new rows of one import, with their dedupe key: `id:<id>` when the source has ids; otherwise
 * a hash of the content plus the occurrence number of that content within this import, so
 * genuinely repeated rows in one file are kept while re-importing it adds nothing (as DuckDB does).
 * Only keys of this import are looked up in `events`, so the set stays as small as the import.
 */
function selectNewEventsSql(staging: string, rawEvents: string): string {
  return `
WITH candidates AS (
  SELECT person, fromUnixTimestamp64Milli(time, 'UTC') AS time, event, properties, source, id,
    if(id IS NULL, concat(base_key, ':', toString(occurrence)), base_key) AS dedupe_key
  FROM (
    SELECT *, row_number() OVER (PARTITION BY base_key ORDER BY seq) AS occurrence
    FROM (
      SELECT *, if(id IS NULL,
        concat('h:', lower(hex(MD5(concat(person, char(0), toString(time), char(0), event, char(0), properties, char(0), source))))),
        concat('id:', assumeNotNull(id))) AS base_key
      FROM ${staging}
    )
  )
  WHERE id IS NULL OR occurrence = 1
)
SELECT * FROM candidates
WHERE dedupe_key NOT IN (
  SELECT dedupe_key FROM ${rawEvents} WHERE dedupe_key IN (SELECT dedupe_key FROM candidates)
)`;
}

/**
 * A workspace's events in ClickHouse (in-process chdb or a server): stored in
 * `<database>.raw_events`, read through the `events` view, which resolves identities.
 * ClickHouse has no multi-statement transactions, so an import is staged into its own tables and
 * only its new rows are copied into `events` in one INSERT … SELECT once every batch was read:
 * a failing import leaves nothing behind.
 * @example const store = await ClickHouseEventStore.open(ChdbTransport.open(dir)); await store.insertEvents([events], { source: "crm.csv" })
 */
export class ClickHouseEventStore implements EventStore {
  /** Imports run one after another, so two imports of one file cannot both pass the dedupe check. */
  private pending: Promise<unknown> = Promise.resolve();
  /** The `events` view every query reads. */
  private readonly table: string;
  private readonly rawTable: string;

  private constructor(
    private readonly transport: ClickHouseTransport,
    private readonly database: string,
    private readonly ownsTransport: boolean,
  ) {
    this.table = qualifiedTable(database, "events");
    this.rawTable = qualifiedTable(database, "raw_events");
  }

  /**
   * Creates the database and the events table when missing. The store owns the transport from now
   * on and closes it, unless `sharedTransport` (one transport serving the stores of many databases,
   * closed by whoever opened it: chdb allows one session per process).
   */
  static async open(
    transport: ClickHouseTransport,
    options: { database?: string; sharedTransport?: boolean } = {},
  ): Promise<ClickHouseEventStore> {
    const store = new ClickHouseEventStore(
      transport,
      options.database ?? "default",
      options.sharedTransport !== true,
    );
    await transport.command(`CREATE DATABASE IF NOT EXISTS ${store.database}`);
    await transport.command(createRawEventsTableSql(store.rawTable));
    await transport.command(createIdentityLinksTableSql(qualifiedTable(store.database, "identity_links")));
    await refreshEventsView(transport, store.database);
    return store;
  }

  /**
   * Adds every event of `batches` atomically: if reading the batches throws (a bad row in an atomic
   * import, a truncated file), nothing is stored. Events already stored are skipped.
   */
  insertEvents(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    options: { source: string },
  ): Promise<InsertResult> {
    const run = this.pending.then(
      () => this.insertNow(batches, options.source),
      () => this.insertNow(batches, options.source),
    );
    this.pending = run.catch(() => undefined);
    return run;
  }

  async countEvents(): Promise<number> {
    const rows = await this.transport.query(`SELECT count() AS n FROM ${this.table}`);
    return Number(rows[0]?.n ?? 0);
  }

  /** Time of the latest event (epoch ms), null when the store is empty. */
  async lastEventTime(): Promise<number | null> {
    const rows = await this.transport.query(
      `SELECT if(count() = 0, NULL, toUnixTimestamp64Milli(max(time))) AS t FROM ${this.table}`,
    );
    const time = rows[0]?.t;
    return time === null || time === undefined ? null : Number(time);
  }

  /** Per event name: distinct people and events, by name. */
  async eventCounts(): Promise<EventCount[]> {
    const rows = await this.transport.query(`
      SELECT toString(event) AS event, uniqExact(person) AS people, count() AS events
      FROM ${this.table} GROUP BY event ORDER BY event`);
    return rows.map((row) => ({
      event: String(row.event),
      people: Number(row.people),
      events: Number(row.events),
    }));
  }

  summary(): Promise<EventSummary> {
    return readEventSummary(this.transport, this.table);
  }

  properties(event: string): Promise<PropertyExamples[]> {
    return readPropertyExamples(this.transport, this.table, event);
  }

  sourcesOf(matchers: StepMatcher[]): Promise<string[]> {
    return readMatchingSources(this.transport, this.table, matchers);
  }

  /** The analytics engine over this store's events; closing the store ends it too. */
  engine(): ClickHouseEngine {
    return new ClickHouseEngine(this.transport, this.table);
  }

  /** Closes the transport it owns (for chdb, the session and its data directory lock). */
  close(): void {
    if (this.ownsTransport) this.transport.close();
  }

  private async insertNow(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    source: string,
  ): Promise<InsertResult> {
    const suffix = randomUUID().replaceAll("-", "");
    const staging = qualifiedTable(this.database, `import_${suffix}`);
    const fresh = qualifiedTable(this.database, `import_${suffix}_new`);
    try {
      await this.transport.command(createStagingTableSql(staging));
      const staged = await this.stage(batches, source, staging);
      await this.transport.command(
        `CREATE TABLE ${fresh} ENGINE = MergeTree ORDER BY tuple() AS ${selectNewEventsSql(staging, this.rawTable)}`,
      );
      const counted = await this.transport.query(
        `SELECT count() AS n, countIf(event = {identify:String}) AS identifies FROM ${fresh}`,
        { identify: IDENTIFY_EVENT },
      );
      const inserted = Number(counted[0]?.n ?? 0);
      if (inserted > 0) {
        await this.transport.command(
          `INSERT INTO ${this.rawTable} (person, time, event, properties, source, id, dedupe_key)
           SELECT person, time, event, properties, source, id, dedupe_key FROM ${fresh}`,
        );
      }
      if (Number(counted[0]?.identifies ?? 0) > 0) await rebuildIdentityLinks(this.transport, this.database);
      return { inserted, duplicates: staged - inserted };
    } finally {
      await this.transport.command(`DROP TABLE IF EXISTS ${staging}`);
      await this.transport.command(`DROP TABLE IF EXISTS ${fresh}`);
    }
  }

  /** Copies all batches into the staging table; returns how many rows were staged. */
  private async stage(
    batches: AsyncIterable<EventRecord[]> | Iterable<EventRecord[]>,
    source: string,
    staging: string,
  ): Promise<number> {
    let seq = 0;
    let rows: Record<string, unknown>[] = [];
    for await (const batch of batches) {
      for (const event of batch) {
        rows.push({
          seq: seq++,
          person: event.person,
          time: event.time,
          event: event.event,
          properties: JSON.stringify(event.properties),
          source: event.source || source,
          id: event.id,
        });
        if (rows.length >= STAGING_ROWS) {
          await this.transport.insert(staging, rows);
          rows = [];
        }
      }
    }
    await this.transport.insert(staging, rows);
    return seq;
  }
}
