import { z } from "zod";
import { importProblemSchema } from "./event-import.js";

export const IMPORT_JOB_STATES = ["running", "done", "failed"] as const;

/** One event file import running in the background, as the data panel shows it. */
export const importJobSchema = z.object({
  id: z.string(),
  filename: z.string(),
  state: z.enum(IMPORT_JOB_STATES),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  events: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** The first rejected rows (or the failure); the counts say how many there were in all. */
  errors: z.array(importProblemSchema),
  /** ISO 8601 UTC. */
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
