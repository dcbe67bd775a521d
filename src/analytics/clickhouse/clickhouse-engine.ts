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
import type { ClickHouseTransport } from "./clickhouse-transport.js";
import { getFunnelFromClickHouse } from "./get-funnel.js";
import { getPathsFromClickHouse } from "./get-paths.js";

/**
 * The engine for data that outgrows one machine: queries a ClickHouse events table through chdb
 * or HTTP, with exactly the semantics of docs/analytics.md.
 * @example const store = await ClickHouseEventStore.open(ChdbTransport.open()); await store.engine().getFunnel(query);
 */
export class ClickHouseEngine implements AnalyticsEngine {
  readonly name = "clickhouse";

  /**
   * @param transport owned by the event store, which closes it
   * @param table the events table as `database.events` (checked by the store)
   */
  constructor(
    private readonly transport: ClickHouseTransport,
    private readonly table: string,
  ) {}

  async getFunnel(input: FunnelQueryInput): Promise<FunnelResult> {
    return getFunnelFromClickHouse(this.transport, this.table, validQuery(funnelQuerySchema, input));
  }

  async getPaths(input: PathsQueryInput): Promise<PathsResult> {
    return getPathsFromClickHouse(this.transport, this.table, validQuery(pathsQuerySchema, input));
  }

  /** Nothing to release: the event store owns the transport and closes it. */
  close(): void {}
}
