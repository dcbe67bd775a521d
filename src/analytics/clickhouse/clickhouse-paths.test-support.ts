import type { PathsQueryInput, PathsResult } from "../../domain/analytics/paths-query.js";
import type { EventRecord } from "../event.js";
import { withTestStore } from "./test-store.test-support.js";

/** The ClickHouse engine's paths (on chdb) over exactly `events`, loaded the way every import loads them. */
export function clickHousePaths(events: EventRecord[], query: PathsQueryInput): Promise<PathsResult> {
  return withTestStore(async (store) => {
    await store.insertEvents([events], { source: "test" });
    return store.engine().getPaths(query);
  });
}
