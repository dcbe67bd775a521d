import { z } from "zod";
import { eventMatcherSchema } from "./analytics/event-matcher.js";
import { DEFAULT_WINDOW_MS, FUNNEL_ORDERS, FUNNEL_UNITS } from "./analytics/funnel-query.js";

/**
 * The journey map document: stages (columns) × typed lanes (rows).
 * This schema is the single source of truth for server, CLI, exchange formats and UI.
 * Bump MAP_SCHEMA_VERSION and add a migration in migrations.ts whenever its stored shape changes.
 */
export const MAP_SCHEMA_VERSION = 1;

/** Caps every user-entered string so a hostile payload cannot bloat the store. */
export const TEXT_MAX = 4000;
export const NAME_MAX = 200;
export const MAX_STAGES = 100;
export const MAX_LANES = 60;
export const MAX_CARDS_PER_CELL = 100;

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must contain only letters, digits, '-' and '_'");
export const nameSchema = z.string().trim().min(1, "must not be empty").max(NAME_MAX);
export const textSchema = z.string().max(TEXT_MAX);

export const LANGS = ["ru", "en"] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

export const MAP_STATES = ["as-is", "to-be"] as const;
export const mapStateSchema = z.enum(MAP_STATES);
export type MapState = z.infer<typeof mapStateSchema>;

/** Where a card's knowledge came from; anything but "assumption" counts as a fact. */
export const EVIDENCE_SOURCES = [
  "assumption",
  "interview",
  "survey",
  "analytics",
  "crm",
  "call",
  "review",
] as const;
export const evidenceSourceSchema = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** Built-in touchpoint catalogue; a card may instead carry a custom channel name. */
export const CHANNELS = [
  "website",
  "landing",
  "social",
  "messenger",
  "email",
  "call_centre",
  "chat_bot",
  "mobile_app",
  "offline",
  "ads",
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const successMetricSchema = z.object({
  metric: z.string().max(NAME_MAX),
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite().nullable().default(null),
  unit: z.string().max(40).default(""),
});
export type SuccessMetric = z.infer<typeof successMetricSchema>;

export const cardSchema = z.object({
  id: idSchema,
  text: textSchema,
  source: evidenceSourceSchema.default("assumption"),
  /** Free-text pointer to the evidence: a quote, a report link, a survey question. */
  evidenceNote: textSchema.default(""),
  /** Barrier lanes only. */
  severity: severitySchema.optional(),
  /** Touchpoint lanes only: a catalogue channel, or customChannel for anything else. */
  channel: channelSchema.optional(),
  customChannel: z.string().max(NAME_MAX).optional(),
  /** Opportunity lanes only: the hypothesis' success metric. */
  successMetric: successMetricSchema.optional(),
});
export type Card = z.infer<typeof cardSchema>;

export const stageSchema = z.object({
  id: idSchema,
  name: nameSchema,
  description: textSchema.default(""),
  substeps: z.array(z.string().max(NAME_MAX)).max(30).default([]),
  /**
   * The events that mean "a person reached this stage" (any of them); empty: the stage is not bound
   * to data. See docs/analytics.md "Binding maps to data".
   */
  matchers: z.array(eventMatcherSchema).max(10).default([]),
});
export type Stage = z.infer<typeof stageSchema>;

/** Lanes whose cells hold cards. */
export const CARD_LANE_TYPES = [
  "actions",
  "thoughts",
  "text",
  "backstage",
  "touchpoints",
  "tech_barriers",
  "emotional_barriers",
  "opportunities",
] as const;
export const LANE_TYPES = [...CARD_LANE_TYPES, "emotion", "metrics"] as const;
export const laneTypeSchema = z.enum(LANE_TYPES);
export type LaneType = z.infer<typeof laneTypeSchema>;
export type CardLaneType = (typeof CARD_LANE_TYPES)[number];

/** Cells are keyed by stage id; a stage with no entry has an empty cell. */
const cellsSchema = z.record(idSchema, z.array(cardSchema).max(MAX_CARDS_PER_CELL));

export const cardLaneSchema = z.object({
  id: idSchema,
  type: z.enum(CARD_LANE_TYPES),
  title: nameSchema,
  cells: cellsSchema.default({}),
});
export type CardLane = z.infer<typeof cardLaneSchema>;

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export const emotionPointSchema = z.object({
  score: z.number().min(EMOTION_MIN).max(EMOTION_MAX),
  label: z.string().max(NAME_MAX).default(""),
});
export type EmotionPoint = z.infer<typeof emotionPointSchema>;

/** One curve: a persona's feelings per stage, as-is or to-be. */
export const emotionSeriesSchema = z.object({
  id: idSchema,
  label: z.string().max(NAME_MAX).default(""),
  personaId: idSchema.nullable().default(null),
  state: mapStateSchema.default("as-is"),
  points: z.record(idSchema, emotionPointSchema).default({}),
});
export type EmotionSeries = z.infer<typeof emotionSeriesSchema>;

export const emotionLaneSchema = z.object({
  id: idSchema,
  type: z.literal("emotion"),
  title: nameSchema,
  series: z.array(emotionSeriesSchema).max(20).default([]),
});
export type EmotionLane = z.infer<typeof emotionLaneSchema>;

export const METRIC_KINDS = ["people", "nps", "csat", "custom"] as const;
export const metricKindSchema = z.enum(METRIC_KINDS);
export type MetricKind = z.infer<typeof metricKindSchema>;

/**
 * One KPI row. The "people" row drives the funnel maths; `targets` holds, per stage,
 * the target conversion (0–100 %) into that stage from the previous counted stage.
 */
export const metricRowSchema = z.object({
  id: idSchema,
  kind: metricKindSchema,
  name: z.string().max(NAME_MAX).default(""),
  unit: z.string().max(40).default(""),
  values: z.record(idSchema, z.number().finite().nullable()).default({}),
  targets: z.record(idSchema, z.number().min(0).max(100)).default({}),
  /** Where the numbers came from (e.g. "Yandex Metrica, March"). */
  source: evidenceSourceSchema.default("assumption"),
  /** Set when the values were computed from imported events rather than typed in. */
  fromData: z
    .object({
      computedAt: z.string().datetime(),
      /** The entry range the funnel counted (epoch ms UTC; null: open). */
      from: z.number().int().nullable(),
      to: z.number().int().nullable(),
      /** The event sources (imports) the numbers came from. */
      sources: z.array(z.string().max(NAME_MAX)).max(100),
    })
    .nullable()
    .default(null),
});
export type MetricRow = z.infer<typeof metricRowSchema>;

export const metricsLaneSchema = z.object({
  id: idSchema,
  type: z.literal("metrics"),
  title: nameSchema,
  rows: z.array(metricRowSchema).max(20).default([]),
});
export type MetricsLane = z.infer<typeof metricsLaneSchema>;

export const laneSchema = z.discriminatedUnion("type", [
  cardLaneSchema,
  emotionLaneSchema,
  metricsLaneSchema,
]);
export type Lane = z.infer<typeof laneSchema>;

export const mapFunnelSettingsSchema = z.object({
  /** Conversion window from the first stage's event, inclusive. */
  windowMs: z.number().int().nonnegative().default(DEFAULT_WINDOW_MS),
  order: z.enum(FUNNEL_ORDERS).default("sequential"),
  unit: z.enum(FUNNEL_UNITS).default("person"),
});
export type MapFunnelSettings = z.infer<typeof mapFunnelSettingsSchema>;

export const journeyMapSchema = z.object({
  schemaVersion: z.literal(MAP_SCHEMA_VERSION),
  id: idSchema,
  title: nameSchema,
  description: textSchema.default(""),
  lang: langSchema.default("en"),
  personaIds: z.array(idSchema).max(20).default([]),
  segment: textSchema.default(""),
  state: mapStateSchema.default("as-is"),
  templateId: z.string().max(NAME_MAX).nullable().default(null),
  stages: z.array(stageSchema).min(1, "a map needs at least one stage").max(MAX_STAGES),
  lanes: z.array(laneSchema).max(MAX_LANES),
  /** How the map's funnel is computed from data (stages with matchers are its steps). */
  funnelSettings: mapFunnelSettingsSchema.default({
    windowMs: DEFAULT_WINDOW_MS,
    order: "sequential",
    unit: "person",
  }),
  /** ISO instant of the last review; maps not reviewed for 12 months are flagged. */
  lastReviewedAt: z.string().datetime().nullable().default(null),
});
export type JourneyMap = z.infer<typeof journeyMapSchema>;
/** What callers may hand in: defaults not yet applied. */
export type JourneyMapInput = z.input<typeof journeyMapSchema>;

export function isCardLane(lane: Lane): lane is CardLane {
  return (CARD_LANE_TYPES as readonly string[]).includes(lane.type);
}
