import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";

/**
 * The columns naming a funnel unit in the window partitions and groupings. Person funnels leave
 * out the constant `session` column, so each sort compares one key instead of two.
 */
export function unitKeySql(query: FunnelQuery): string {
  return query.unit === "session" ? "person, session" : "person";
}
