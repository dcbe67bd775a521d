import type { EventStore } from "../analytics/event-store.js";
import { parseMapping } from "../analytics/import/column-mapping.js";
import { checkPreset } from "./check-preset.js";
import type { CliIo } from "./cli-io.js";

/** The options every command that reads an event file straight from disk shares. */
export interface EventFileOptions {
  events: string;
  preset?: string;
  map?: string;
  skipInvalid?: boolean;
}

/**
 * Reads an event file with `tropa import`'s parsers into a throwaway in-memory event store, hands the store to
 * `use`, then closes it. DuckDB is loaded on demand: its native module would slow every other command's start.
 */
export async function withEventFile<T>(
  io: CliIo,
  options: EventFileOptions,
  use: (store: EventStore) => Promise<T>,
): Promise<T> {
  const preset = checkPreset(options.preset);
  const mapping = parseMapping(options.map);
  const { DuckDbEventStore: Store } = await import("../analytics/duckdb/duckdb-event-store.js");
  const { importEventFile } = await import("../analytics/import/import-event-file.js");
  const store = await Store.open(":memory:");
  try {
    const summary = await importEventFile(store, options.events, {
      mapping,
      preset,
      skipInvalid: options.skipInvalid ?? false,
    });
    if (summary.rejected > 0) {
      const rows = summary.rejected === 1 ? "row" : "rows";
      io.err(`tropa: skipped ${summary.rejected} invalid ${rows} of ${options.events}\n`);
    }
    return await use(store);
  } finally {
    store.close();
  }
}
