import { z } from "zod";
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
});

/** The answer to creating one: the only time the secret link is shown. */
export const createdInvitationSchema = invitationSchema.extend({
  token: z.string(),
  /** `<public URL>/#/invite/<token>`, ready to copy. */
  url: z.string(),
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
