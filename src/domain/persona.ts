import { z } from "zod";
import { propertyConditionSchema } from "./analytics/event-matcher.js";
import { channelSchema, idSchema, NAME_MAX, nameSchema, textSchema } from "./journey-map.js";

export const PERSONA_SCHEMA_VERSION = 1;

/** A behavioural portrait; maps refer to personas by id. */
export const personaSchema = z.object({
  schemaVersion: z.literal(PERSONA_SCHEMA_VERSION),
  id: idSchema,
  name: nameSchema,
  /** An emoji or a short text shown in the avatar circle (no uploads: keeps data self-contained). */
  avatar: z.string().max(16).default(""),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default("#6366f1"),
  age: z.number().int().min(0).max(130).nullable().default(null),
  occupation: z.string().max(NAME_MAX).default(""),
  context: textSchema.default(""),
  motivation: textSchema.default(""),
  pains: textSchema.default(""),
  channels: z.array(channelSchema).max(20).default([]),
  quote: textSchema.default(""),
  /** The segment in words, as the team describes it. */
  segment: textSchema.default(""),
  /**
   * The segment as data: a person belongs to it when any of their events has properties meeting
   * every condition; empty: everyone. Each persona's map counts only its segment.
   */
  segmentRule: z.array(propertyConditionSchema).max(20).default([]),
});
export type Persona = z.infer<typeof personaSchema>;
export type PersonaInput = z.input<typeof personaSchema>;
