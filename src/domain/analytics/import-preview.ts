import { z } from "zod";
import { importColumnsSchema, importProblemSchema } from "./event-import.js";
import { eventRecordSchema } from "./event-record.js";

/** The first rows of an event file as read, the column mapping found, and the events it gives. */
export const importPreviewSchema = z.object({
  format: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** The columns used for person, time and event; null when one of them is not found. */
  mapping: importColumnsSchema.nullable(),
  events: z.array(eventRecordSchema),
  problems: z.array(importProblemSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
