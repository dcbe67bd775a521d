import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";
import { FunnelTallyBuilder, type TallyParts } from "../funnel-tally-builder.js";
import type { PropertyOf } from "../ordered-unit-fold.js";
import { personLeveler } from "./level-units.js";
import { masksByName, namesOnly, type PersonTimeline, type TimelineSelection } from "./person-timeline.js";
import { acrossCores, timelineJob } from "./timeline-workers.js";

/** The funnel needs nothing but event names and times, so the person timeline can serve it. */
export function timelineServesFunnel(query: FunnelQuery): boolean {
  return namesOnly([...query.steps, ...query.exclusions]) && query.segment.length === 0 && !query.breakdown;
}

/**
 * The funnel's tally from the person timeline on every core (timeline-workers.ts): each part is
 * tallied exactly as a whole would be, then the parts are added up.
 */
export async function tallyTimeline(
  timeline: PersonTimeline,
  query: FunnelQuery,
): Promise<FunnelTallyBuilder> {
  const { local, remote } = await acrossCores(
    timeline,
    (from, to) => ({ kind: "funnel", query, ...timelineJob(timeline, from, to) }),
    (from, to) => tallyPeople(timeline, query, from, to),
  );
  for (const parts of remote) local.absorb(parts as TallyParts);
  return local;
}

/** The tally of people [from, to) of the timeline: one thread's part. */
export function tallyPeople(
  timeline: PersonTimeline,
  query: FunnelQuery,
  from: number,
  to: number,
): FunnelTallyBuilder {
  const tally = new FunnelTallyBuilder(query);
  const level = personLeveler(query, tally);
  const noProperty: PropertyOf = () => null;
  timeline.forEachPerson(from, to, selectionOf(timeline, query), (events) => level(events, noProperty));
  return tally;
}

/**
 * The events a funnel reads, as the SQL source gives them (person-event-lists.ts): the entry
 * range plus the window; every event for strict and session funnels, else those matching a step
 * or an exclusion.
 */
function selectionOf(timeline: PersonTimeline, query: FunnelQuery): TimelineSelection {
  return {
    stepMasks: masksByName(timeline.names, query.steps),
    exclusionMasks: masksByName(timeline.names, query.exclusions),
    from: query.from ?? Number.NEGATIVE_INFINITY,
    to: query.to === undefined ? Number.POSITIVE_INFINITY : query.to + query.windowMs,
    everyEvent: query.order === "strict" || query.unit === "session",
  };
}
