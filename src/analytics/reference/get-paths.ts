import { SESSION_GAP_MS } from "../../domain/analytics/funnel-query.js";
import {
  type PathsQuery,
  type PathsQueryInput,
  type PathsResult,
  type PersonPath,
  pathsQuerySchema,
} from "../../domain/analytics/paths-query.js";
import type { EventRecord } from "../event.js";
import { orderKey } from "../event-order.js";
import { matchesAlternatives } from "../match-event.js";
import { buildPathsResult } from "../paths-result.js";
import { validQuery } from "../valid-query.js";
import { inSegment } from "./in-segment.js";

type PlacedEvent = { time: number; key: string; event: string; stage: number | null; index: number };

/**
 * The reference paths view: docs/analytics.md "Paths" as plain TypeScript, the oracle the
 * engines are tested against. Takes events with identities already resolved (`resolveIdentities`).
 */
export function getPaths(events: EventRecord[], input: PathsQueryInput): PathsResult {
  const query = validQuery(pathsQuerySchema, input);
  const byPerson = new Map<string, PlacedEvent[]>();
  inSegment(events, query.segment).forEach((record, index) => {
    const stages = query.stages.flatMap((stage, i) => (matchesAlternatives(record, stage) ? [i + 1] : []));
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
  const paths = [...byPerson.values()].flatMap((list) => unitsOf(list, query).map(unitPath));
  return buildPathsResult(query, paths);
}

/**
 * A person's events sorted as the funnel sorts them (time, order key), then by event name so the
 * next event is well defined; one unit, or one per session (a gap of more than 30 minutes between
 * two consecutive events of the person, any events, starts a new one).
 */
function unitsOf(events: PlacedEvent[], query: PathsQuery): PlacedEvent[][] {
  events.sort(
    (a, b) =>
      a.time - b.time || compareText(a.key, b.key) || compareText(a.event, b.event) || a.index - b.index,
  );
  if (query.unit === "person") return [events];
  const sessions: PlacedEvent[][] = [];
  let previous: PlacedEvent | undefined;
  for (const event of events) {
    if (!previous || event.time - previous.time > SESSION_GAP_MS) sessions.push([]);
    sessions[sessions.length - 1]?.push(event);
    previous = event;
  }
  return sessions;
}

function unitPath(events: PlacedEvent[]): PersonPath {
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
