import {
  type PathsQueryInput,
  type PathsResult,
  type PersonPath,
  pathsQuerySchema,
} from "../../domain/analytics/paths-query.js";
import type { EventRecord } from "../event.js";
import { orderKey } from "../event-order.js";
import { matchesEvent } from "../match-event.js";
import { buildPathsResult } from "../paths-result.js";
import { validQuery } from "../valid-query.js";

type PlacedEvent = { time: number; key: string; event: string; stage: number | null; index: number };

/**
 * The reference paths view: docs/analytics.md "Paths" as plain TypeScript, the oracle the
 * engines are tested against.
 */
export function getPaths(events: EventRecord[], input: PathsQueryInput): PathsResult {
  const query = validQuery(pathsQuerySchema, input);
  const byPerson = new Map<string, PlacedEvent[]>();
  events.forEach((record, index) => {
    const stages = query.stages.flatMap((stage, i) => (matchesEvent(record, stage) ? [i + 1] : []));
    const list = byPerson.get(record.person) ?? [];
    list.push({
      time: record.time,
      key: orderKey(stages, []),
      event: record.event,
      stage: stages[0] ?? null,
      index,
    });
    byPerson.set(record.person, list);
  });
  const paths = [...byPerson.values()].map(personPath);
  return buildPathsResult(query, paths);
}

/** Sorted as the funnel sorts (time, order key), then by event name so the next event is well defined. */
function personPath(events: PlacedEvent[]): PersonPath {
  events.sort(
    (a, b) =>
      a.time - b.time || compareText(a.key, b.key) || compareText(a.event, b.event) || a.index - b.index,
  );
  const stages: number[] = [];
  let last = -1;
  events.forEach((event, i) => {
    if (event.stage === null) return;
    if (stages[stages.length - 1] !== event.stage) stages.push(event.stage);
    last = i;
  });
  const next = last >= 0 ? events[last + 1] : undefined;
  return { stages, nextEvent: next?.event ?? null, people: 1 };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
