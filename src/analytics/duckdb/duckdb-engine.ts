import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type FunnelQueryInput,
  type FunnelResult,
  funnelQuerySchema,
} from "../../domain/analytics/funnel-query.js";
import {
  type PathsQueryInput,
  type PathsResult,
  pathsQuerySchema,
} from "../../domain/analytics/paths-query.js";
import type { AnalyticsEngine } from "../engine.js";
import { validQuery } from "../valid-query.js";
import { getFunnelFromDuckDb } from "./get-funnel.js";
import { getPathsFromDuckDb } from "./get-paths.js";
import type { PersonTimeline } from "./person-timeline.js";

/**
 * The embedded engine: queries the `events` table of a DuckDB connection.
 * @example const store = await DuckDbEventStore.open(":memory:"); await store.engine().getFunnel(query);
 */
export class DuckDbEngine implements AnalyticsEngine {
  readonly name = "duckdb";

  /**
   * @param connection owned by the event store, which closes it
   * @param timeline the store's person timeline of the current data (person-timeline.ts), null when it keeps none
   */
  constructor(
    private readonly connection: DuckDBConnection,
    private readonly timeline: () => Promise<PersonTimeline | null>,
  ) {}

  async getFunnel(input: FunnelQueryInput): Promise<FunnelResult> {
    return getFunnelFromDuckDb(this.connection, this.timeline, validQuery(funnelQuerySchema, input));
  }

  async getPaths(input: PathsQueryInput): Promise<PathsResult> {
    return getPathsFromDuckDb(this.connection, this.timeline, validQuery(pathsQuerySchema, input));
  }

  /** Nothing to release: the event store owns the connection and closes it. */
  close(): void {}
}
