import { z } from "zod";
import { eventMatcherSchema, propertyConditionSchema } from "./event-matcher.js";

/** The unit a funnel counts: a person, or a session of a person (split at 30 minutes of inactivity). */
export const FUNNEL_UNITS = ["person", "session"] as const;
/** How the steps must follow each other; see docs/analytics.md "Order modes". */
export const FUNNEL_ORDERS = ["sequential", "strict", "any"] as const;

export const DEFAULT_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
export const SESSION_GAP_MS = 30 * 60 * 1000;
/** Enough for any journey map; also keeps the per-event sort key (three digits per step) simple. */
export const MAX_STEPS = 32;
export const MAX_EXCLUSIONS = 32;
export const MAX_ALTERNATIVES = 50;
export const BREAKDOWN_ATTRIBUTIONS = ["first", "last", "step"] as const;
export type BreakdownAttribution = (typeof BREAKDOWN_ATTRIBUTIONS)[number];
export const FUNNEL_INTERVALS = ["day", "week"] as const;
export type FunnelInterval = (typeof FUNNEL_INTERVALS)[number];
export const DEFAULT_BREAKDOWN_LIMIT = 10;
/** The group that gathers every breakdown value beyond `limit`. */
export const OTHER_GROUP = "(other)";

/** More matchers a step (or exclusion) also stands for: a map stage reached by any of several events. */
const alternatives = z.array(eventMatcherSchema).max(MAX_ALTERNATIVES).default([]);

export const funnelStepSchema = eventMatcherSchema.extend({
  or: alternatives,
  name: z.string().min(1, "must not be empty").max(200),
  /** Longest time from the previous step's event to this one, inclusive; not allowed on step 1. */
  maxGapMs: z.number().int().nonnegative().optional(),
  /** Target conversion from the previous step, in percent (for "furthest below target"). */
  target: z.number().min(0).max(100).optional(),
});
export type FunnelStep = z.infer<typeof funnelStepSchema>;

/**
 * A person doing this event between step `fromStep` and step `toStep` (1-based, default the whole
 * funnel) leaves the funnel; exact rule in docs/analytics.md "Exclusions".
 */
export const funnelExclusionSchema = eventMatcherSchema.extend({
  or: alternatives,
  fromStep: z.number().int().min(1).optional(),
  toStep: z.number().int().min(2).optional(),
});
export type FunnelExclusion = z.infer<typeof funnelExclusionSchema>;

/** Split the funnel by a property of one step's event; docs/analytics.md "Breakdown". */
export const funnelBreakdownSchema = z.object({
  /** A top-level property, named as in a `where` condition. */
  property: propertyConditionSchema.options[0].shape.property,
  attribution: z.enum(BREAKDOWN_ATTRIBUTIONS),
  /** 1-based; only with attribution "step". */
  step: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(1000).default(DEFAULT_BREAKDOWN_LIMIT),
});
export type FunnelBreakdown = z.infer<typeof funnelBreakdownSchema>;

export const funnelQuerySchema = z
  .object({
    steps: z.array(funnelStepSchema).min(1, "needs at least one step").max(MAX_STEPS),
    /** Conversion window from the step-1 event, inclusive. */
    windowMs: z.number().int().nonnegative().default(DEFAULT_WINDOW_MS),
    order: z.enum(FUNNEL_ORDERS).default("sequential"),
    exclusions: z.array(funnelExclusionSchema).max(MAX_EXCLUSIONS).default([]),
    /** Entry range on the step-1 event: from inclusive, to exclusive, epoch ms UTC. */
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    unit: z.enum(FUNNEL_UNITS).default("person"),
    /** Only units of people with at least one event (any time, any name) meeting every condition. */
    segment: z.array(propertyConditionSchema).max(50).default([]),
    breakdown: funnelBreakdownSchema.optional(),
    /** Conversion over time, by the UTC day or ISO week (from Monday) the unit entered. */
    interval: z.enum(FUNNEL_INTERVALS).optional(),
  })
  .superRefine((query, ctx) => {
    const steps = query.steps.length;
    if (query.steps[0]?.maxGapMs !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["steps", 0, "maxGapMs"],
        message: "step 1 has no previous step",
      });
    }
    query.exclusions.forEach((exclusion, i) => {
      const from = exclusion.fromStep ?? 1;
      const to = exclusion.toStep ?? steps;
      if (from >= to || to > steps) {
        ctx.addIssue({
          code: "custom",
          path: ["exclusions", i],
          message: `must lie between two steps: 1 ≤ fromStep < toStep ≤ ${steps}`,
        });
      }
    });
    if (query.order === "any" && (query.exclusions.length > 0 || query.steps.some((s) => s.maxGapMs))) {
      ctx.addIssue({
        code: "custom",
        path: ["order"],
        message: "exclusions and maxGapMs need an ordered funnel (sequential or strict)",
      });
    }
    checkBreakdown(query.breakdown, query.order, steps, ctx);
    if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    }
  });
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;
export type FunnelQueryInput = z.input<typeof funnelQuerySchema>;

function checkBreakdown(
  breakdown: FunnelBreakdown | undefined,
  order: (typeof FUNNEL_ORDERS)[number],
  steps: number,
  ctx: z.RefinementCtx,
): void {
  if (!breakdown) return;
  if (order === "any") {
    ctx.addIssue({
      code: "custom",
      path: ["breakdown"],
      message:
        "needs an ordered funnel (sequential or strict): in any order no event is the first or last step",
    });
  }
  if (breakdown.attribution === "step" && (breakdown.step === undefined || breakdown.step > steps)) {
    ctx.addIssue({
      code: "custom",
      path: ["breakdown", "step"],
      message: `attribution "step" needs the step number, 1 to ${steps}`,
    });
  }
  if (breakdown.attribution !== "step" && breakdown.step !== undefined) {
    ctx.addIssue({ code: "custom", path: ["breakdown", "step"], message: 'only with attribution "step"' });
  }
}

/** The gaps (k → k+1, numbered by k) an exclusion covers. */
export function excludedGaps(exclusion: FunnelExclusion, stepCount: number): number[] {
  const from = exclusion.fromStep ?? 1;
  const to = exclusion.toStep ?? stepCount;
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

export const funnelStepResultSchema = z.object({
  name: z.string(),
  /** Units (people or sessions) that reached this step. */
  people: z.number().int(),
  /** In percent, unrounded; 100 for step 1 when anyone entered; null when the previous step has nobody. */
  conversionFromPrevious: z.number().nullable(),
  conversionFromStart: z.number().nullable(),
  /** Reached the previous step but not this one (0 for step 1). */
  lost: z.number().int(),
  target: z.number().nullable(),
});
export type FunnelStepResult = z.infer<typeof funnelStepResultSchema>;

/** A transition from step `fromStep` to the next (1-based) with the share it keeps. */
export const funnelTransitionSchema = z.object({
  fromStep: z.number().int(),
  toStep: z.number().int(),
  fromName: z.string(),
  toName: z.string(),
  conversion: z.number(),
  lost: z.number().int(),
  /** target − conversion in percentage points; positive means below target. */
  gapToTarget: z.number().nullable(),
});
export type FunnelTransition = z.infer<typeof funnelTransitionSchema>;

/** Time from step `fromStep` to the next, over the units that reached the next step. */
export const timeToConvertSchema = z.object({
  fromStep: z.number().int(),
  toStep: z.number().int(),
  people: z.number().int(),
  /** Nearest-rank percentiles (the value at rank ⌈q·n⌉ of the sorted times); null when nobody converted. */
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  /** Equal-width bins, `fromMs` inclusive, `toMs` exclusive, covering the shortest to the longest time. */
  histogram: z.array(z.object({ fromMs: z.number(), toMs: z.number(), people: z.number().int() })),
});
export type TimeToConvert = z.infer<typeof timeToConvertSchema>;

export const breakdownResultSchema = z.object({
  property: z.string(),
  attribution: z.enum(BREAKDOWN_ATTRIBUTIONS),
  step: z.number().int().nullable(),
  /** Most entrants first; null value = the property is missing (or the step was not reached). */
  groups: z.array(z.object({ value: z.string().nullable(), steps: z.array(funnelStepResultSchema) })),
});
export type BreakdownResult = z.infer<typeof breakdownResultSchema>;

export const overTimeSchema = z.object({
  interval: z.enum(FUNNEL_INTERVALS),
  periods: z.array(
    z.object({
      /** Period start, epoch ms UTC. */
      start: z.number(),
      entered: z.number().int(),
      /** Units per step, as `steps[k].people` but for this period's entrants. */
      steps: z.array(z.number().int()),
      /** Last step ÷ entered, in percent; null when nobody entered. */
      conversion: z.number().nullable(),
    }),
  ),
});
export type OverTime = z.infer<typeof overTimeSchema>;

export const funnelResultSchema = z.object({
  unit: z.enum(FUNNEL_UNITS),
  order: z.enum(FUNNEL_ORDERS),
  windowMs: z.number(),
  steps: z.array(funnelStepResultSchema),
  /** Units that entered but were removed by an exclusion (counted in no step). */
  excluded: z.number().int(),
  keyBarrier: z.object({
    /** The transition keeping the smallest share (ties: more people lost, then the earlier one). */
    largestLoss: funnelTransitionSchema.nullable(),
    /** The transition furthest below its step's target; null when none is below. */
    furthestBelowTarget: funnelTransitionSchema.nullable(),
  }),
  /** One per transition k → k+1; empty figures in any order (no step comes "after" another there). */
  timeToConvert: z.array(timeToConvertSchema),
  breakdown: breakdownResultSchema.nullable(),
  overTime: overTimeSchema.nullable(),
});
export type FunnelResult = z.infer<typeof funnelResultSchema>;
