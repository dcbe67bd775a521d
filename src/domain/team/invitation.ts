import { z } from "zod";
import { langSchema } from "../journey-map.js";
import { emailSchema } from "./account.js";
import { roleSchema } from "./role.js";

export const INVITATION_DAYS_DEFAULT = 7;
export const INVITATION_DAYS_MAX = 30;

/** An invitation link as the workspace's owners see it (the token itself is shown once, at creation). */
export const invitationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  role: roleSchema,
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationBodySchema = z.object({
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(INVITATION_DAYS_MAX).default(INVITATION_DAYS_DEFAULT),
  /** Also send the link to this address (only when the server has a mail server configured). */
  email: emailSchema.optional(),
  /** Language of that email: the inviter's UI language; English when not given. */
  lang: langSchema.optional(),
});

/** The answer to creating one: the only time the secret link is shown. */
export const createdInvitationSchema = invitationSchema.extend({
  token: z.string(),
  /** `<public URL>/#/invite/<token>`, ready to copy. */
  url: z.string(),
  /** Present when an `email` was given: whether the mail server took the message. */
  emailed: z.boolean().optional(),
  /** Why it was not sent, when `emailed` is false; the link still works and can be copied. */
  emailError: z.string().optional(),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

/** `GET /api/invitations/:token`, public: what the invitee sees before signing up or joining. */
export const invitationPreviewSchema = z.object({
  workspaceName: z.string(),
  role: roleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationBodySchema = z.object({ token: z.string().min(1).max(200) });
