import {
  type DuckDBConnection,
  DuckDBDoubleVector,
  DuckDBUIntegerVector,
  DuckDBVarCharVector,
} from "@duckdb/node-api";
import type { PathsQuery, PathsResult } from "../../domain/analytics/paths-query.js";
import { EventColumns } from "../event-columns.js";
import { PathCounter } from "../path-counter.js";
import { buildPathsResult } from "../paths-result.js";
import { listColumn, maskSql } from "./list-columns.js";
import { alternativesSql } from "./matcher-sql.js";
import type { PersonTimeline } from "./person-timeline.js";
import { segmentSql } from "./segment-sql.js";
import { SqlParams } from "./sql-params.js";
import { timelinePaths, timelineServesPaths } from "./timeline-paths.js";

/**
 * The paths view over the `events` table (docs/analytics.md "Paths"), as the funnel does it:
 * DuckDB groups each person's events into lists (time, a bitmask of the stages matched, the event
 * name) in one hash aggregation, no sort of the table, or, for stages of plain event names and no
 * segment, the person timeline has them grouped already and serves them on every core
 * (timeline-paths.ts); TypeScript puts each person's events in event order, cuts the units, and
 * finds each unit's collapsed stage sequence and next event (src/analytics/path-counter.ts).
 * Identical (sequence, next event) pairs are counted together, then tallied as for every engine
 * (src/analytics/paths-result.ts).
 */
export async function getPathsFromDuckDb(
  connection: DuckDBConnection,
  timelineOf: () => Promise<PersonTimeline | null>,
  query: PathsQuery,
): Promise<PathsResult> {
  const timeline = timelineServesPaths(query) ? await timelineOf() : null;
  if (timeline) return buildPathsResult(query, await timelinePaths(timeline, query));
  const counter = new PathCounter(query.unit);
  const events = new EventColumns();
  const params = new SqlParams();
  const result = await connection.stream(personStageListsSql(query, params), params.values);
  for await (const chunk of result) {
    const times = listColumn(chunk, 0, DuckDBDoubleVector);
    const stages = listColumn(chunk, 1, DuckDBUIntegerVector);
    const eventNames = listColumn(chunk, 2, DuckDBVarCharVector);
    let offset = 0;
    const nameOf = (origin: number): string => eventNames.items.getItem(offset + origin) ?? "";
    const rows = chunk.rowCount; // a native call: read once per chunk
    for (let row = 0; row < rows; row++) {
      const count = times.lists.getEntryLength(row);
      const timeAt = times.lists.getEntryOffset(row);
      const stageAt = stages.lists.getEntryOffset(row);
      events.clear();
      for (let i = 0; i < count; i++) {
        events.push(times.items.getItem(timeAt + i) ?? 0, stages.items.getItem(stageAt + i) ?? 0, 0);
      }
      offset = eventNames.lists.getEntryOffset(row);
      counter.countPerson(events, nameOf);
    }
  }
  return buildPathsResult(query, counter.paths());
}

/**
 * One row per person of the segment, with all their events (any event may be the next one, and
 * any event keeps a session alive): `list(t)` (epoch ms), `list(sm)` (bit k: matches stage k+1),
 * `list(event)`, aligned element by element (see person-event-lists.ts).
 */
function personStageListsSql(query: PathsQuery, params: SqlParams): string {
  const flags = query.stages.map((stage) => alternativesSql(stage, params));
  return `SELECT list(t), list(sm), list(event)
  FROM (
    SELECT person, epoch_ms(time)::DOUBLE AS t, ${maskSql(flags)} AS sm, event
    FROM events WHERE ${segmentSql(query.segment, params)}
  )
  GROUP BY person`;
}
