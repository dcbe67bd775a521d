import { SESSION_GAP_MS } from "../../domain/analytics/funnel-query.js";
import type { SqlParams } from "./sql-params.js";

/**
 * `rows` (columns person, t in epoch ms, dedupe_key, …) with a `session` number per person: a new
 * session starts after more than 30 minutes without any event of the person. `dedupe_key` makes
 * the row order total, so both window passes see the same order; ties in time never start one.
 */
export function withSessionsSql(rows: string, params: SqlParams): string {
  const order = "PARTITION BY person ORDER BY t, dedupe_key";
  return `SELECT *, sum(new_session) OVER (${order} ROWS UNBOUNDED PRECEDING) AS session
    FROM (SELECT *, if(t - lagInFrame(t, 1, t) OVER (${order} ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
      > ${params.bindInteger(SESSION_GAP_MS)}, 1, 0) AS new_session FROM (${rows}))`;
}
