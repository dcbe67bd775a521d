import { createRoute, z } from "@hono/zod-openapi";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { idSchema } from "../../domain/journey-map.js";
import {
  acceptInvitationBodySchema,
  createdInvitationSchema,
  createInvitationBodySchema,
  invitationPreviewSchema,
  invitationSchema,
} from "../../domain/team/invitation.js";
import { roleSchema } from "../../domain/team/role.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { clientAddress } from "../auth/client-address.js";
import { publicBaseUrl } from "../auth/public-url.js";
import { hashSecretToken, newSecretToken } from "../auth/secret-token.js";
import { signedIn } from "../auth/signed-in.js";
import { sendInvitationEmail } from "../mail/send-invitation-email.js";
import { canManageMembers, requireAllowed } from "../policy.js";
import { json, jsonBody } from "./json-content.js";

const workspaceParams = z.object({ wid: idSchema });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

const createInvitationRoute = createRoute({
  method: "post",
  path: "/api/workspaces/{wid}/invitations",
  summary:
    "Create an invitation link (owners); the link is shown only in this answer. With `email` (needs SMTP_URL) it is also emailed; `emailed` says whether that worked",
  request: {
    params: workspaceParams,
    body: jsonBody(createInvitationBodySchema),
  },
  responses: {
    201: json(createdInvitationSchema, "the invitation with its link"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    429: errorResponses[429],
  },
});

const listInvitationsRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/invitations",
  summary: "Pending invitations of a workspace (owners), newest first",
  request: { params: workspaceParams },
  responses: {
    200: json(z.array(invitationSchema), "pending invitations"),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const revokeInvitationRoute = createRoute({
  method: "delete",
  path: "/api/workspaces/{wid}/invitations/{id}",
  summary: "Revoke a pending invitation (owners); its link stops working",
  request: { params: z.object({ wid: idSchema, id: idSchema }) },
  responses: {
    204: { description: "revoked" },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const previewInvitationRoute = createRoute({
  method: "get",
  path: "/api/invitations/{token}",
  summary: "What an invitation link offers, before signing up or joining (public)",
  request: { params: tokenParams },
  responses: {
    200: json(invitationPreviewSchema, "the invitation"),
    404: errorResponses[404],
    429: errorResponses[429],
  },
});

const acceptInvitationRoute = createRoute({
  method: "post",
  path: "/api/invitations/accept",
  summary: "Join the invitation's workspace as the signed-in user",
  request: {
    body: jsonBody(acceptInvitationBodySchema),
  },
  responses: {
    200: json(z.object({ workspaceId: z.string(), role: roleSchema }), "joined"),
    400: errorResponses[400],
    401: errorResponses[401],
    429: errorResponses[429],
  },
});

const DAY_MS = 24 * 60 * 60 * 1000;

export function registerInvitationRoutes(app: App): void {
  app.openapi(createInvitationRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canManageMembers(c.var.actor, wid));
    const { role, expiresInDays, email, lang } = c.req.valid("json");
    const inviter = signedIn(c).user;
    if (email !== undefined) {
      if (!c.var.mailer)
        throw new ValidationError("email: mail is not configured on this server (SMTP_URL)", "email");
      // An owner's stolen session must not turn the server into a mail cannon.
      await c.var.attempts.consume("invitation-email", clientAddress(c), inviter.id);
    }
    const token = newSecretToken();
    const invitation = await c.var.store.members.createInvitation({
      workspaceId: wid,
      role,
      tokenHash: hashSecretToken(token),
      createdBy: inviter.id,
      expiresAt: new Date(Date.now() + expiresInDays * DAY_MS).toISOString(),
    });
    await recordActivity(c, "member.invited", { workspaceId: wid }, { role });
    const url = `${publicBaseUrl(c)}/#/invite/${token}`;
    const created = { ...invitation, token, url };
    if (email === undefined) return c.json(created, 201);
    const sent = await sendInvitationEmail(c, { to: email, invitation, url, lang: lang ?? "en" });
    return c.json({ ...created, ...sent }, 201);
  });

  app.openapi(listInvitationsRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canManageMembers(c.var.actor, wid));
    return c.json(await c.var.store.members.listInvitations(wid, new Date().toISOString()), 200);
  });

  app.openapi(revokeInvitationRoute, async (c) => {
    const { wid, id } = c.req.valid("param");
    requireAllowed(canManageMembers(c.var.actor, wid));
    await c.var.store.members.revokeInvitation(wid, id);
    return c.body(null, 204);
  });

  app.openapi(previewInvitationRoute, async (c) => {
    const tokenHash = hashSecretToken(c.req.valid("param").token);
    await c.var.attempts.consume("invitation", clientAddress(c), tokenHash);
    const invitation = await c.var.store.members.findInvitation(tokenHash, new Date().toISOString());
    // Unknown, used and expired links get the same answer, so a guesser learns nothing.
    if (!invitation) throw new NotFoundError("invitation (the link is unknown, used or expired)");
    await c.var.attempts.refund("invitation", clientAddress(c));
    return c.json(
      {
        workspaceName: invitation.workspaceName,
        role: invitation.role,
        invitedBy: invitation.createdBy?.name ?? null,
        expiresAt: invitation.expiresAt,
      },
      200,
    );
  });

  app.openapi(acceptInvitationRoute, async (c) => {
    const userId = signedIn(c).user.id;
    const tokenHash = hashSecretToken(c.req.valid("json").token);
    await c.var.attempts.consume("invitation", clientAddress(c), tokenHash);
    const joined = await c.var.store.members.acceptInvitation(tokenHash, userId, new Date().toISOString());
    await c.var.attempts.refund("invitation", clientAddress(c));
    await recordActivity(c, "member.joined", { workspaceId: joined.workspaceId }, { role: joined.role });
    return c.json(joined, 200);
  });
}
