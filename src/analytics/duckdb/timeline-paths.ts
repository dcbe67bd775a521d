import type { PathsQuery, PersonPath } from "../../domain/analytics/paths-query.js";
import { PathCounter } from "../path-counter.js";
import { masksByName, namesOnly, type PersonTimeline } from "./person-timeline.js";
import { acrossCores, timelineJob } from "./timeline-workers.js";

/** Paths need nothing but event names and times when the stages are plain names and no segment filters people. */
export function timelineServesPaths(query: PathsQuery): boolean {
  return namesOnly(query.stages) && query.segment.length === 0;
}

/** The counted paths from the person timeline on every core (timeline-workers.ts), parts added up. */
export async function timelinePaths(timeline: PersonTimeline, query: PathsQuery): Promise<PersonPath[]> {
  const { local, remote } = await acrossCores(
    timeline,
    (from, to) => ({ kind: "paths", query, ...timelineJob(timeline, from, to) }),
    (from, to) => countPaths(timeline, query, from, to),
  );
  for (const paths of remote) local.absorb(paths as PersonPath[]);
  return local.paths();
}

/**
 * The paths of people [from, to): every event of theirs (any event may be the next one, and any
 * event keeps a session alive), with its stages as a bitmask.
 */
export function countPaths(
  timeline: PersonTimeline,
  query: PathsQuery,
  from: number,
  to: number,
): PathCounter {
  const counter = new PathCounter(query.unit);
  const selection = {
    stepMasks: masksByName(timeline.names, query.stages),
    exclusionMasks: new Uint32Array(timeline.names.length),
    from: Number.NEGATIVE_INFINITY,
    to: Number.POSITIVE_INFINITY,
    everyEvent: true,
  };
  const { names, eventIds } = timeline;
  const nameOf = (origin: number): string => names[eventIds[origin] as number] ?? "";
  timeline.forEachPerson(from, to, selection, (events) => counter.countPerson(events, nameOf));
  return counter;
}
