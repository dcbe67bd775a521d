import { z } from "zod";
import { journeyMapSchema } from "../journey-map.js";
import { personaSchema } from "../persona.js";
import { PASSWORD_MAX } from "./account.js";

/** A public read-only link to one map, as its editors see it (the token is shown once, at creation). */
export const shareLinkSchema = z.object({
  id: z.string(),
  mapId: z.string(),
  /** The last 4 characters of the token, so people can tell their links apart. */
  tokenHint: z.string(),
  hasPassword: z.boolean(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

export const createShareLinkBodySchema = z.object({
  /** ISO instant in the future; absent: the link works until revoked. */
  expiresAt: z.string().datetime({ offset: true }).optional(),
  /** Absent or empty: no password. */
  password: z.string().max(PASSWORD_MAX).optional(),
});

export const createdShareLinkSchema = shareLinkSchema.extend({
  token: z.string(),
  /** `<public URL>/#/shared/<token>`, ready to copy. */
  url: z.string(),
});
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

/** `POST /api/shared/:token`: the body carries the password when the link has one. */
export const openSharedMapBodySchema = z.object({ password: z.string().max(PASSWORD_MAX).optional() });

/** What a share-link holder gets: the map and its personas, nothing else of the workspace. */
export const sharedMapSchema = z.object({
  map: journeyMapSchema,
  personas: z.array(personaSchema),
  updatedAt: z.string(),
});
export type SharedMap = z.infer<typeof sharedMapSchema>;
