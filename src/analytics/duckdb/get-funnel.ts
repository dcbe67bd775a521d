import type { DuckDBConnection } from "@duckdb/node-api";
import type { FunnelQuery, FunnelResult } from "../../domain/analytics/funnel-query.js";
import { resultFromTally } from "../funnel-result.js";
import { FunnelTallyBuilder } from "../funnel-tally-builder.js";
import { personLeveler } from "./level-units.js";
import { forEachPersonEvents } from "./person-event-lists.js";
import type { PersonTimeline } from "./person-timeline.js";
import { tallyTimeline, timelineServesFunnel } from "./timeline-funnel.js";

/**
 * The funnel over the `events` table (docs/analytics.md). DuckDB does what it is fast at: filter
 * the events, match steps and exclusions, and group each person's events into lists
 * (src/analytics/duckdb/person-event-lists.ts); TypeScript levels each person's units
 * (level-units.ts). A funnel of plain event names reads the person timeline instead
 * (person-timeline.ts), which has the events grouped already, on every core (timeline-funnel.ts).
 */
export async function getFunnelFromDuckDb(
  connection: DuckDBConnection,
  timelineOf: () => Promise<PersonTimeline | null>,
  query: FunnelQuery,
): Promise<FunnelResult> {
  const timeline = timelineServesFunnel(query) ? await timelineOf() : null;
  if (timeline) return resultFromTally(query, (await tallyTimeline(timeline, query)).tally());
  const tally = new FunnelTallyBuilder(query);
  await forEachPersonEvents(connection, query, personLeveler(query, tally));
  return resultFromTally(query, tally.tally());
}
