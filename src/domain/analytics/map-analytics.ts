import { z } from "zod";
import { idSchema } from "../journey-map.js";
import { periodComparisonSchema, periodSchema } from "./compare-query.js";
import { FUNNEL_INTERVALS, funnelBreakdownSchema, funnelResultSchema } from "./funnel-query.js";
import { MAX_TOP, PATH_UNITS, pathsResultSchema } from "./paths-query.js";

/*
 * Requests and answers of the map analytics routes (POST /api/maps/{id}/funnel, /paths, /compare):
 * the map gives the steps, the request only narrows who and when is counted.
 */

const personaId = idSchema
  .optional()
  .meta({ description: "count only people in this persona's segment (its segmentRule)" });
const stageIds = z
  .array(z.string())
  .meta({ description: "the bound stages, in order: step i is stageIds[i]" });

export const mapFunnelRequestSchema = z.object({
  personaId,
  from: z.number().int().optional().meta({ description: "entry range start, epoch ms UTC, inclusive" }),
  to: z.number().int().optional().meta({ description: "entry range end, epoch ms UTC, exclusive" }),
  breakdown: funnelBreakdownSchema.optional(),
  interval: z.enum(FUNNEL_INTERVALS).optional(),
});
/** What a client sends: the breakdown's `limit` may be left to its default. */
export type MapFunnelRequest = z.input<typeof mapFunnelRequestSchema>;

export const mapFunnelAnswerSchema = z.object({
  stageIds,
  /** As built from the map, before the engine fills in defaults. */
  query: z.record(z.string(), z.unknown()).meta({ description: "the funnel query that ran" }),
  result: funnelResultSchema,
  sources: z.array(z.string()).meta({ description: "the event sources (imports, capture) in the data" }),
  range: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
});
export type MapFunnelAnswer = z.infer<typeof mapFunnelAnswerSchema>;

export const mapPathsRequestSchema = z.object({
  personaId,
  top: z.number().int().min(1).max(MAX_TOP).optional(),
  unit: z.enum(PATH_UNITS).optional(),
});
export type MapPathsRequest = z.input<typeof mapPathsRequestSchema>;

export const mapPathsAnswerSchema = z.object({ stageIds, result: pathsResultSchema });
export type MapPathsAnswer = z.infer<typeof mapPathsAnswerSchema>;

export const mapCompareRequestSchema = z.object({ personaId, periodA: periodSchema, periodB: periodSchema });
export type MapCompareRequest = z.input<typeof mapCompareRequestSchema>;

export const mapCompareAnswerSchema = z.object({ stageIds, result: periodComparisonSchema });
export type MapCompareAnswer = z.infer<typeof mapCompareAnswerSchema>;
