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
import { ValidationError } from "../../domain/errors.js";
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

  /**
   * Counts per step and the exclusions; breakdown and conversion over time are not computed here
   * yet, so they are refused rather than left out of the result.
   */
  async getFunnel(input: FunnelQueryInput): Promise<FunnelResult> {
    const query = validQuery(funnelQuerySchema, input);
    for (const option of ["breakdown", "interval"] as const) {
      if (query[option] !== undefined) {
        throw new ValidationError(
          `query.${option}: the ClickHouse engine does not support ${option} yet; use the DuckDB engine`,
          `query.${option}`,
        );
      }
    }
    return getFunnelFromClickHouse(this.transport, this.table, query);
  }

  async getPaths(input: PathsQueryInput): Promise<PathsResult> {
    return getPathsFromClickHouse(this.transport, this.table, validQuery(pathsQuerySchema, input));
  }

  /** Nothing to release: the event store owns the transport and closes it. */
  close(): void {}
}
