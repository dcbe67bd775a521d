import path from "node:path";
import { TropaError } from "../domain/errors.js";
import type { ClickHouseTransport } from "./clickhouse/clickhouse-transport.js";
import type { EventStore } from "./event-store.js";

/** Another process (usually a running `tropa serve`) holds the workspace's event file. */
export class EventStoreBusyError extends TropaError {
  constructor(workspaceId: string, file: string) {
    super(
      "event_store_busy",
      409,
      `the events of workspace ${workspaceId} (${file}) are open in another Tropa process, probably a running server; stop it, or import through the server (POST /api/workspaces/${workspaceId}/imports)`,
    );
  }
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** CLICKHOUSE_URL value for ClickHouse inside this process (chdb), with its data in `<dataDir>/clickhouse`. */
export const EMBEDDED_CLICKHOUSE = "chdb:";

export type WorkspaceEventStoresOptions = {
  /**
   * CLICKHOUSE_URL: when set, every workspace's events live in ClickHouse (one database per
   * workspace, src/analytics/clickhouse/workspace-database.ts) instead of a DuckDB file: a server
   * `http(s)://user:password@host:8123`, or `chdb:` for embedded chdb on `<dataDir>/clickhouse`.
   */
  clickhouseUrl?: string | undefined;
};

/**
 * Each workspace's event store, opened on first use and kept open: by default one DuckDB file per
 * workspace (`<dataDir>/events/<workspaceId>/events.duckdb`), with CLICKHOUSE_URL one ClickHouse
 * database per workspace over a single shared connection. A DuckDB connection runs one transaction
 * at a time, so every use of a workspace's store is queued: an import, a capture and a funnel never
 * interleave inside each other's transaction (ClickHouse gets the same queue; it costs nothing there).
 * @example const stores = new WorkspaceEventStores(dataDir); await stores.use(id, (store) => store.countEvents());
 */
export class WorkspaceEventStores {
  private readonly stores = new Map<string, Promise<EventStore>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private clickhouse: Promise<ClickHouseTransport> | undefined;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly options: WorkspaceEventStoresOptions = {},
  ) {}

  /** The folder holding a workspace's `events.duckdb`. */
  directoryOf(workspaceId: string): string {
    return path.join(this.dataDir, "events", checkedId(workspaceId));
  }

  /** Runs `task` on the workspace's store once every earlier task on it has finished. */
  use<T>(workspaceId: string, task: (store: EventStore) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the event stores are closed"));
    const previous = this.queues.get(workspaceId) ?? Promise.resolve();
    const run = previous.then(async () => task(await this.storeOf(workspaceId)));
    this.queues.set(
      workspaceId,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Waits for the queued tasks, then closes every open store (and the shared ClickHouse connection). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.queues.values());
    const opened = await Promise.allSettled(this.stores.values());
    for (const result of opened) if (result.status === "fulfilled") result.value.close();
    this.stores.clear();
    const clickhouse = await this.clickhouse?.catch(() => undefined);
    clickhouse?.close();
    this.clickhouse = undefined;
  }

  private storeOf(workspaceId: string): Promise<EventStore> {
    const cached = this.stores.get(workspaceId);
    if (cached) return cached;
    const opening = this.options.clickhouseUrl
      ? this.openClickHouseStore(workspaceId, this.options.clickhouseUrl)
      : this.openDuckDbStore(workspaceId);
    this.stores.set(workspaceId, opening);
    opening.catch(() => this.stores.delete(workspaceId));
    return opening;
  }

  private async openDuckDbStore(workspaceId: string): Promise<EventStore> {
    const directory = this.directoryOf(workspaceId);
    // Loaded on demand, as is ClickHouse: each engine's native module only when it is used.
    const { DuckDbEventStore } = await import("./duckdb/duckdb-event-store.js");
    try {
      return await DuckDbEventStore.open(directory);
    } catch (error) {
      if (error instanceof Error && /lock/i.test(error.message)) {
        throw new EventStoreBusyError(workspaceId, path.join(directory, "events.duckdb"));
      }
      throw error;
    }
  }

  private async openClickHouseStore(workspaceId: string, url: string): Promise<EventStore> {
    const database = (await import("./clickhouse/workspace-database.js")).workspaceDatabase(
      checkedId(workspaceId),
    );
    const { ClickHouseEventStore } = await import("./clickhouse/clickhouse-event-store.js");
    let transport: ClickHouseTransport;
    try {
      transport = await this.clickHouseTransport(url);
    } catch (error) {
      // chdb locks its directory: only one process may use it (a running server, or `tropa import`).
      if (url === EMBEDDED_CLICKHOUSE && error instanceof Error && /lock|connection/i.test(error.message)) {
        throw new EventStoreBusyError(workspaceId, path.join(this.dataDir, "clickhouse"));
      }
      throw error;
    }
    return ClickHouseEventStore.open(transport, { database, sharedTransport: true });
  }

  /** One connection for all workspaces, opened once (chdb allows a single session per process); retried after a failure. */
  private clickHouseTransport(url: string): Promise<ClickHouseTransport> {
    if (!this.clickhouse) {
      const opening = import("./clickhouse/open-transport.js").then(({ openClickHouseTransport }) =>
        openClickHouseTransport(
          url === EMBEDDED_CLICKHOUSE ? { dir: path.join(this.dataDir, "clickhouse") } : { url },
        ),
      );
      opening.catch(() => {
        this.clickhouse = undefined;
      });
      this.clickhouse = opening;
    }
    return this.clickhouse;
  }
}

function checkedId(workspaceId: string): string {
  if (!SAFE_ID.test(workspaceId)) throw new Error(`not a workspace id: ${JSON.stringify(workspaceId)}`);
  return workspaceId;
}
