import { z } from "zod";

/** The presets that read a known export through a mapper (XES has its own reader). */
export const EVENT_PRESETS = [
  "ga4",
  "metrica",
  "segment",
  "amocrm",
  "bitrix24",
  "calltouch",
  "comagic",
  "roistat",
] as const;
export type EventPreset = (typeof EVENT_PRESETS)[number];

/** Every `--preset` (CLI) and `preset` (HTTP) value: the mapper presets, then XES. */
export const IMPORT_PRESETS = [...EVENT_PRESETS, "xes"] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

/** A row, line or file an import could not read, and why. */
export const importProblemSchema = z.object({ location: z.string(), reason: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** The columns (or fields) holding each event's person, time and event name. */
export const importColumnsSchema = z.object({ person: z.string(), time: z.string(), event: z.string() });
export type ImportColumns = z.infer<typeof importColumnsSchema>;
