import { z } from "zod";

/**
 * One thing a person did, from any source (web analytics, CRM, call tracking, surveys).
 * `time` is a UTC instant in epoch milliseconds; `id` is the source's unique id when it has one
 * (re-importing the same file adds nothing: dedupe by id, else by a hash of the content).
 */
export const eventRecordSchema = z.object({
  person: z.string().min(1, "must not be empty").max(512),
  time: z.number().int().finite(),
  event: z.string().min(1, "must not be empty").max(512),
  properties: z.record(z.string(), z.unknown()).default({}),
  source: z.string().max(200).default(""),
  id: z.string().max(512).nullable().default(null),
});
export type EventRecord = z.infer<typeof eventRecordSchema>;
export type EventRecordInput = z.input<typeof eventRecordSchema>;
