import { z } from "zod";

/** Per event name: distinct people and events. */
export const eventCountSchema = z.object({
  event: z.string(),
  people: z.number().int(),
  events: z.number().int(),
});
export type EventCount = z.infer<typeof eventCountSchema>;

/** One source (an import's file name, or a capture feed) with its events' time span, epoch ms UTC. */
export const sourceSummarySchema = z.object({
  source: z.string(),
  events: z.number().int(),
  people: z.number().int(),
  firstTime: z.number().int(),
  lastTime: z.number().int(),
});
export type SourceSummary = z.infer<typeof sourceSummarySchema>;

/** What a workspace's events hold, for the data panel: totals, per source and per event name. */
export const eventSummarySchema = z.object({
  events: z.number().int(),
  people: z.number().int(),
  firstTime: z.number().int().nullable().meta({ description: "epoch ms UTC of the earliest event" }),
  lastTime: z.number().int().nullable(),
  /** By source name. */
  sources: z.array(sourceSummarySchema),
  /** Most people first, then by name. */
  eventNames: z.array(eventCountSchema),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** A top-level property key of an event with a few distinct example values, as text. */
export const propertyExamplesSchema = z.object({ name: z.string(), examples: z.array(z.string()) });
export type PropertyExamples = z.infer<typeof propertyExamplesSchema>;
