import path from "node:path";
import { TropaError } from "../domain/errors.js";
import { DuckDbEventStore } from "./duckdb/duckdb-event-store.js";

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

/**
 * One DuckDB event file per workspace (`<dataDir>/events/<workspaceId>/events.duckdb`), opened on first
 * use and kept open. A DuckDB connection runs one transaction at a time, so every use of a workspace's
 * store is queued: an import, a capture and a funnel never interleave inside each other's transaction.
 * @example const stores = new WorkspaceEventStores(dataDir); await stores.use(id, (store) => store.countEvents());
 */
export class WorkspaceEventStores {
  private readonly stores = new Map<string, Promise<DuckDbEventStore>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(private readonly dataDir: string) {}

  /** The folder holding a workspace's `events.duckdb`. */
  directoryOf(workspaceId: string): string {
    if (!SAFE_ID.test(workspaceId)) throw new Error(`not a workspace id: ${JSON.stringify(workspaceId)}`);
    return path.join(this.dataDir, "events", workspaceId);
  }

  /** Runs `task` on the workspace's store once every earlier task on it has finished. */
  use<T>(workspaceId: string, task: (store: DuckDbEventStore) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the event stores are closed"));
    const previous = this.queues.get(workspaceId) ?? Promise.resolve();
    const run = previous.then(async () => task(await this.storeOf(workspaceId)));
    this.queues.set(
      workspaceId,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Waits for the queued tasks, then closes every open store. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.queues.values());
    const opened = await Promise.allSettled(this.stores.values());
    for (const result of opened) if (result.status === "fulfilled") result.value.close();
    this.stores.clear();
  }

  private storeOf(workspaceId: string): Promise<DuckDbEventStore> {
    const cached = this.stores.get(workspaceId);
    if (cached) return cached;
    const opening = this.openStore(workspaceId);
    this.stores.set(workspaceId, opening);
    opening.catch(() => this.stores.delete(workspaceId));
    return opening;
  }

  private async openStore(workspaceId: string): Promise<DuckDbEventStore> {
    const directory = this.directoryOf(workspaceId);
    try {
      return await DuckDbEventStore.open(directory);
    } catch (error) {
      if (error instanceof Error && /lock/i.test(error.message)) {
        throw new EventStoreBusyError(workspaceId, path.join(directory, "events.duckdb"));
      }
      throw error;
    }
  }
}
