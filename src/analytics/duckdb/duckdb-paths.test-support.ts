import type { PathsQueryInput, PathsResult } from "../../domain/analytics/paths-query.js";
import type { EventRecord } from "../event.js";
import { DuckDbEventStore } from "./duckdb-event-store.js";

/** The DuckDB engine's paths over exactly `events`, loaded the way every import loads them. */
export async function duckDbPaths(events: EventRecord[], query: PathsQueryInput): Promise<PathsResult> {
  const store = await DuckDbEventStore.open(":memory:");
  try {
    await store.insertEvents([events], { source: "test" });
    return await store.engine().getPaths(query);
  } finally {
    store.close();
  }
}
