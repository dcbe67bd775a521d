import type { FunnelQueryInput, FunnelResult } from "../../domain/analytics/funnel-query.js";
import type { EventRecord } from "../event.js";
import { DuckDbEventStore } from "./duckdb-event-store.js";

/** The DuckDB engine's funnel over exactly `events`, loaded the way every import loads them. */
export async function duckDbFunnel(events: EventRecord[], query: FunnelQueryInput): Promise<FunnelResult> {
  const store = await DuckDbEventStore.open(":memory:");
  try {
    await store.insertEvents([events], { source: "test" });
    return await store.engine().getFunnel(query);
  } finally {
    store.close();
  }
}
