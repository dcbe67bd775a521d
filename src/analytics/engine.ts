import type { FunnelQueryInput, FunnelResult } from "../domain/analytics/funnel-query.js";
import type { PathsQueryInput, PathsResult } from "../domain/analytics/paths-query.js";

/**
 * One analytics engine (embedded DuckDB now, ClickHouse later). Every implementation must agree
 * exactly with src/analytics/reference on the semantics in docs/analytics.md.
 */
export interface AnalyticsEngine {
  readonly name: string;
  getFunnel(query: FunnelQueryInput): Promise<FunnelResult>;
  getPaths(query: PathsQueryInput): Promise<PathsResult>;
  close(): void;
}
