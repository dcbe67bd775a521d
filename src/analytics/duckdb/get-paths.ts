import {
  type DuckDBConnection,
  DuckDBDoubleVector,
  DuckDBUIntegerVector,
  DuckDBVarCharVector,
} from "@duckdb/node-api";
import type { PathsQuery, PathsResult, PersonPath } from "../../domain/analytics/paths-query.js";
import { EventColumns } from "../event-columns.js";
import { buildPathsResult } from "../paths-result.js";
import { forEachUnit } from "../unit-ranges.js";
import { listColumn, maskSql } from "./list-columns.js";
import { alternativesSql } from "./matcher-sql.js";
import { masksByName, namesOnly, type PersonTimeline } from "./person-timeline.js";
import { segmentSql } from "./segment-sql.js";
import { SqlParams } from "./sql-params.js";

/**
 * The paths view over the `events` table (docs/analytics.md "Paths"), as the funnel does it:
 * DuckDB groups each person's events into lists (time, a bitmask of the stages matched, the event
 * name) in one hash aggregation, no sort of the table, or, for stages of plain event names and no
 * segment, the person timeline has them grouped already (person-timeline.ts); TypeScript puts each
 * person's events in event order, cuts the units, and finds each unit's collapsed stage sequence
 * and next event. Identical (sequence, next event) pairs are counted together, then tallied as for
 * every engine (src/analytics/paths-result.ts).
 */
export async function getPathsFromDuckDb(
  connection: DuckDBConnection,
  timelineOf: () => Promise<PersonTimeline | null>,
  query: PathsQuery,
): Promise<PathsResult> {
  const paths = new Map<string, PersonPath>();
  const events = new EventColumns();
  // The current person's event name by origin, read only where needed; set by the source.
  let nameAt: (origin: number) => string = () => "";
  const nameOf = (i: number): string => nameAt(events.origins[i] as number);
  const countUnit = (begin: number, end: number): void => {
    const path = unitPath(events, begin, end, nameOf);
    if (path.stages.length === 0) return;
    const key = `${path.stages.join(",")}>${path.nextEvent ?? ""}`;
    const same = paths.get(key);
    if (same) same.people += 1;
    else paths.set(key, path);
  };
  const countPerson = (): void => {
    events.sortIntoEventOrder();
    forEachUnit(events, query.unit, countUnit);
  };
  const timeline = namesOnly(query.stages) && query.segment.length === 0 ? await timelineOf() : null;
  if (timeline) {
    const { names, starts, times, eventIds, people } = timeline;
    const masks = masksByName(names, query.stages);
    let first = 0;
    nameAt = (origin) => names[eventIds[first + origin] as number] ?? "";
    for (let person = 0; person < people; person++) {
      first = starts[person] as number;
      const last = starts[person + 1] as number;
      events.clear();
      for (let i = first; i < last; i++)
        events.push(times[i] as number, masks[eventIds[i] as number] as number, 0);
      countPerson();
    }
  } else {
    const params = new SqlParams();
    const result = await connection.stream(personStageListsSql(query, params), params.values);
    for await (const chunk of result) {
      const times = listColumn(chunk, 0, DuckDBDoubleVector);
      const stages = listColumn(chunk, 1, DuckDBUIntegerVector);
      const eventNames = listColumn(chunk, 2, DuckDBVarCharVector);
      let offset = 0;
      nameAt = (origin) => eventNames.items.getItem(offset + origin) ?? "";
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
        countPerson();
      }
    }
  }
  return buildPathsResult(query, [...paths.values()]);
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

/**
 * The unit's stage sequence (each event's first stage, consecutive repeats collapsed) and the event
 * after its last stage event. Events are in event order (time, order key); within equal time and
 * key the order is by event name. Equal time and key mean the same stages, so the name order
 * changes neither the sequence nor which group holds the last stage event; the next event is the
 * first by name of the group right after it.
 */
function unitPath(
  events: EventColumns,
  begin: number,
  end: number,
  nameOf: (i: number) => string,
): PersonPath {
  const stages: number[] = [];
  let last = -1;
  for (let i = begin; i < end; i++) {
    const mask = events.steps[i] as number;
    if (mask === 0) continue;
    const stage = 32 - Math.clz32(mask & -mask);
    if (stages[stages.length - 1] !== stage) stages.push(stage);
    last = i;
  }
  return {
    stages,
    nextEvent: last >= 0 && last + 1 < end ? firstName(events, last + 1, end, nameOf) : null,
    people: 1,
  };
}

/** The smallest name (UTF-16 order, as the reference compares) among the events tied with `first`. */
function firstName(events: EventColumns, first: number, end: number, nameOf: (i: number) => string): string {
  let name = nameOf(first);
  for (let i = first + 1; i < end; i++) {
    if (events.times[i] !== events.times[first] || events.steps[i] !== events.steps[first]) break;
    const other = nameOf(i);
    if (other < name) name = other;
  }
  return name;
}
