import { z } from "zod";
import { funnelResultSchema } from "./funnel-query.js";

/** Entry period: from inclusive, to exclusive, epoch ms UTC. */
export const periodSchema = z
  .object({ from: z.number().int(), to: z.number().int() })
  .refine((period) => period.from < period.to, { message: "the start must be before the end", path: ["to"] });
export type Period = z.infer<typeof periodSchema>;

export const VERDICTS = ["better", "worse", "no-difference", "no-data"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One period's side of a transition: who reached the step, who went on. */
export const periodSampleSchema = z.object({
  reached: z.number().int(),
  converted: z.number().int(),
  conversion: z.number().nullable(),
});
export type PeriodSample = z.infer<typeof periodSampleSchema>;

export const transitionComparisonSchema = z.object({
  fromStep: z.number().int(),
  toStep: z.number().int(),
  fromName: z.string(),
  toName: z.string(),
  a: periodSampleSchema,
  b: periodSampleSchema,
  /** Conversion B − conversion A in percentage points; null when a period has nobody at the step. */
  differencePoints: z.number().nullable(),
  /** Newcombe hybrid score 95 % interval of the difference, in percentage points. */
  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** Two-sided p-value of the pooled two-proportion z-test. */
  pValue: z.number().nullable(),
  verdict: z.enum(VERDICTS),
  /** The same verdict in a sentence, e.g. "B is better: +15 pp (95 % CI +5.8 to +23.8), p = 0.0014". */
  summary: z.string(),
  warnings: z.array(z.string()),
});
export type TransitionComparison = z.infer<typeof transitionComparisonSchema>;

/** The comparison of two entry periods; semantics in docs/analytics.md "Comparison". */
export const periodComparisonSchema = z.object({
  periodA: periodSchema,
  periodB: periodSchema,
  windowMs: z.number(),
  resultA: funnelResultSchema,
  resultB: funnelResultSchema,
  /** Whole-comparison warnings, such as a period whose window is not complete yet. */
  warnings: z.array(z.string()),
  transitions: z.array(transitionComparisonSchema),
});
export type PeriodComparison = z.infer<typeof periodComparisonSchema>;
