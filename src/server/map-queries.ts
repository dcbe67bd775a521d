import type { EventMatcher } from "../domain/analytics/event-matcher.js";
import type { FunnelQueryInput } from "../domain/analytics/funnel-query.js";
import type { PathsQueryInput } from "../domain/analytics/paths-query.js";
import { ValidationError } from "../domain/errors.js";
import { findPeopleRow } from "../domain/funnel.js";
import type { JourneyMap, Stage } from "../domain/journey-map.js";
import type { Persona } from "../domain/persona.js";

/** A funnel over a map's stages; the domain schema has every field CONTRACT.md asks for. */
export type MapFunnelQuery = FunnelQueryInput;
/** Paths over a map's stages; like the funnel, it takes every matcher of a stage and the persona's segment. */
export type MapPathsQuery = PathsQueryInput;

export type MapFunnelOptions = {
  persona: Persona | null;
  from?: number;
  to?: number;
  breakdown?: FunnelQueryInput["breakdown"];
  interval?: FunnelQueryInput["interval"];
};

/** The stages bound to events (with at least one matcher), in map order: the funnel's steps. */
export function boundStages(map: JourneyMap): Stage[] {
  const bound = map.stages.filter((stage) => stage.matchers.length > 0);
  if (bound.length === 0) {
    throw new ValidationError(
      "stages: no stage is bound to events yet; give at least one stage an event to count it by",
      "stages",
    );
  }
  return bound;
}

/**
 * The map's funnel: one step per bound stage (its first matcher is the step's event and conditions,
 * the others are alternatives), the map's funnel settings, the targets of the metrics lane's people row
 * and the persona's segment rule.
 */
export function funnelQueryOfMap(
  map: JourneyMap,
  options: MapFunnelOptions,
): { stageIds: string[]; query: MapFunnelQuery } {
  const stages = boundStages(map);
  const targets = findPeopleRow(map)?.targets ?? {};
  const query: MapFunnelQuery = {
    steps: stages.map((stage, i) => {
      const target = i > 0 ? targets[stage.id] : undefined;
      return { name: stage.name, ...matcherFields(stage), ...(target === undefined ? {} : { target }) };
    }),
    windowMs: map.funnelSettings.windowMs,
    order: map.funnelSettings.order,
    unit: map.funnelSettings.unit,
    segment: options.persona?.segmentRule ?? [],
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(options.breakdown ? { breakdown: options.breakdown } : {}),
    ...(options.interval ? { interval: options.interval } : {}),
  };
  return { stageIds: stages.map((stage) => stage.id), query };
}

/**
 * The map's paths over its bound stages (as for the funnel, a stage's first matcher is its event and
 * conditions, the others are alternatives), counted for the persona's segment.
 */
export function pathsQueryOfMap(
  map: JourneyMap,
  options: { persona: Persona | null; top?: number; unit?: "person" | "session" },
): { stageIds: string[]; query: MapPathsQuery } {
  const stages = boundStages(map);
  const query: MapPathsQuery = {
    stages: stages.map((stage) => ({ name: stage.name, ...matcherFields(stage) })),
    segment: options.persona?.segmentRule ?? [],
    unit: options.unit ?? map.funnelSettings.unit,
    ...(options.top === undefined ? {} : { top: options.top }),
  };
  return { stageIds: stages.map((stage) => stage.id), query };
}

function matcherFields(stage: Stage): EventMatcher & { or: EventMatcher[] } {
  const [first, ...rest] = stage.matchers;
  if (!first) throw new Error(`stage ${stage.id} has no matcher`);
  return { event: first.event, where: first.where, or: rest };
}
