import { ChdbTransport } from "./chdb-transport.js";
import { ClickHouseEventStore } from "./clickhouse-event-store.js";
import { createEventsViewSql } from "./events-table.js";

const DATABASE = "test";

let shared: { transport: ChdbTransport; store: ClickHouseEventStore } | undefined;

/**
 * Runs `use` on an empty event store. chdb allows one session per process, and opening one (or
 * even a database) per test costs more than the test, so the whole test process shares one
 * session and one store, emptied before each use; the session (a temporary directory) is closed
 * when the process exits. Tests within a file run one after another, so they never overlap.
 */
export async function withTestStore<T>(use: (store: ClickHouseEventStore) => Promise<T>): Promise<T> {
  const { transport, store } = await sharedStore();
  for (const table of ["raw_events", "identity_links"])
    await transport.command(`TRUNCATE TABLE ${DATABASE}.${table}`);
  await transport.command(createEventsViewSql(DATABASE, false));
  return use(store);
}

async function sharedStore(): Promise<{ transport: ChdbTransport; store: ClickHouseEventStore }> {
  if (!shared) {
    const transport = ChdbTransport.open();
    process.once("exit", () => transport.close());
    shared = { transport, store: await ClickHouseEventStore.open(transport, { database: DATABASE }) };
  }
  return shared;
}
