import type { FunnelQueryInput, FunnelResult } from "../../domain/analytics/funnel-query.js";
import type { EventRecord } from "../event.js";
import { withTestStore } from "./test-store.test-support.js";

/** The ClickHouse engine's funnel (on chdb) over exactly `events`, loaded the way every import loads them. */
export function clickHouseFunnel(events: EventRecord[], query: FunnelQueryInput): Promise<FunnelResult> {
  return withTestStore(async (store) => {
    await store.insertEvents([events], { source: "test" });
    return store.engine().getFunnel(query);
  });
}
