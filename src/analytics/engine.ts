import type { FunnelQueryInput, FunnelResult } from "./funnel-query.js";

/**
 * One analytics engine (embedded DuckDB now, ClickHouse later). Every implementation must agree
 * exactly with src/analytics/reference on the semantics in docs/analytics.md.
 */
export interface AnalyticsEngine {
  readonly name: string;
  getFunnel(query: FunnelQueryInput): Promise<FunnelResult>;
  close(): void;
}
