import { z } from "zod";
import { eventMatcherSchema } from "./event-matcher.js";
import { FUNNEL_UNITS, funnelQuerySchema, funnelStepSchema, MAX_STEPS } from "./funnel-query.js";

export const DEFAULT_TOP = 10;
export const MAX_TOP = 1000;
/** The unit paths are counted in: as for funnels, a person or a session of a person. */
export const PATH_UNITS = FUNNEL_UNITS;
/** How many layers (positions in the collapsed path) the graph shows. */
export const DEFAULT_MAX_DEPTH = 6;
export const MIN_MAX_DEPTH = 2;
export const MAX_MAX_DEPTH = 20;

/**
 * A stage of the paths view: like a funnel step, an event matcher with a name and alternatives
 * (`or`, a map stage reached by any of several events), validated exactly as the funnel's.
 */
export const pathStageSchema = eventMatcherSchema.extend({
  or: funnelStepSchema.shape.or,
  name: z.string().min(1, "must not be empty").max(200),
});
export type PathStage = z.infer<typeof pathStageSchema>;

/** The non-linear view over a list of stages; semantics in docs/analytics.md "Paths". */
export const pathsQuerySchema = z.object({
  stages: z.array(pathStageSchema).min(1, "needs at least one stage").max(MAX_STEPS),
  /** How many paths, and next events per stage, to list. */
  top: z.number().int().min(1).max(MAX_TOP).default(DEFAULT_TOP),
  unit: z.enum(PATH_UNITS).default("person"),
  /** Layers of `graph`: positions 0 … maxDepth − 1 of each path; later positions are left out. */
  maxDepth: z.number().int().min(MIN_MAX_DEPTH).max(MAX_MAX_DEPTH).default(DEFAULT_MAX_DEPTH),
  /** Only units of people with at least one event (any time, any name) meeting every condition, as for funnels. */
  segment: funnelQuerySchema.shape.segment,
});
export type PathsQuery = z.infer<typeof pathsQuerySchema>;
export type PathsQueryInput = z.input<typeof pathsQuerySchema>;

/**
 * What every engine computes per unit (person or session): the collapsed stage sequence (1-based
 * stage indexes) and the event right after the unit's last stage event (null: none). `people` lets
 * an engine hand over identical rows grouped.
 */
export type PersonPath = { stages: number[]; nextEvent: string | null; people: number };

export const DIRECTIONS = ["forward", "backward"] as const;

/**
 * The paths as a layered, acyclic graph for a Sankey chart: node `${depth}:${stage}` is "stage at
 * position `depth` (0-based) of the collapsed path"; a back move is a link to an earlier stage one
 * layer further right.
 */
export const pathsGraphSchema = z.object({
  /** By depth, then stage. `people`: units whose path has this stage at this position. */
  nodes: z.array(
    z.object({
      id: z.string(),
      depth: z.number().int(),
      stage: z.number().int(),
      name: z.string(),
      people: z.number().int(),
    }),
  ),
  /** By source depth, source stage, then target stage. `people`: units that made this move there. */
  links: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      people: z.number().int(),
      direction: z.enum(DIRECTIONS),
    }),
  ),
});
export type PathsGraph = z.infer<typeof pathsGraphSchema>;

export const pathsResultSchema = z.object({
  /** Units (people, or sessions with `unit: "session"`) with at least one stage event; "people" below means units too. */
  people: z.number().int(),
  /** Per stage, in order: people who reached it at least once. */
  stages: z.array(z.object({ stage: z.number().int(), name: z.string(), people: z.number().int() })),
  /** Every observed move between two different stages, ordered by `from`, then `to`. */
  transitions: z.array(
    z.object({
      from: z.number().int(),
      to: z.number().int(),
      fromName: z.string(),
      toName: z.string(),
      direction: z.enum(DIRECTIONS),
      /** People who made this move at least once. */
      people: z.number().int(),
      /** How many times it was made, over everyone. */
      transitions: z.number().int(),
    }),
  ),
  backMoves: z.object({
    /** People with at least one backward move. */
    people: z.number().int(),
    /** People per number of backward moves (0 included), by that number. */
    distribution: z.array(z.object({ backMoves: z.number().int(), people: z.number().int() })),
  }),
  /** The most common collapsed stage sequences, most people first. */
  topPaths: z.array(
    z.object({ stages: z.array(z.number().int()), names: z.array(z.string()), people: z.number().int() }),
  ),
  /** Per stage except the last: people whose last stage was this one, and what they did next. */
  dropOffs: z.array(
    z.object({
      stage: z.number().int(),
      name: z.string(),
      people: z.number().int(),
      /** People with no event at all after their last stage event. */
      noNextEvent: z.number().int(),
      nextEvents: z.array(z.object({ event: z.string(), people: z.number().int() })),
    }),
  ),
  graph: pathsGraphSchema,
});

export type PathsResult = z.infer<typeof pathsResultSchema>;
