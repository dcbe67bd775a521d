import { z } from "zod";
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
  /** Segment rule in words for now; the analytics issue makes it a property condition. */
  segment: textSchema.default(""),
});
export type Persona = z.infer<typeof personaSchema>;
export type PersonaInput = z.input<typeof personaSchema>;
