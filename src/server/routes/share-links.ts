import { createRoute, z } from "@hono/zod-openapi";
import { ValidationError } from "../../domain/errors.js";
import { idSchema } from "../../domain/journey-map.js";
import {
  type CreatedShareLink,
  createdShareLinkSchema,
  createShareLinkBodySchema,
  shareLinkSchema,
} from "../../domain/team/share-link.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { hashPassword } from "../auth/password-hash.js";
import { publicBaseUrl } from "../auth/public-url.js";
import { signedIn } from "../auth/signed-in.js";
import { canShareMap } from "../policy.js";
import { createShareToken } from "../sharing/share-token.js";
import { jsonBody } from "./json-content.js";
import { checkMapAccess, loadMap } from "./load-map.js";

const mapParams = z.object({ id: idSchema });

const createShareLinkRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/share-links",
  summary: "Create a public read-only link to a map (the token is in this answer only)",
  request: {
    params: mapParams,
    body: jsonBody(createShareLinkBodySchema),
  },
  responses: {
    201: {
      description: "the new link with its token and ready-to-copy url",
      content: { "application/json": { schema: createdShareLinkSchema } },
    },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const listShareLinksRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}/share-links",
  summary: "The map's live share links (not revoked, not expired), newest first",
  request: { params: mapParams },
  responses: {
    200: {
      description: "live links",
      content: { "application/json": { schema: z.array(shareLinkSchema) } },
    },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const revokeShareLinkRoute = createRoute({
  method: "delete",
  path: "/api/maps/{id}/share-links/{linkId}",
  summary: "Revoke a share link; it stops working at once",
  request: { params: z.object({ id: idSchema, linkId: idSchema }) },
  responses: {
    204: { description: "revoked" },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

/** An expiry in the past would make a link that never works; say so instead of creating it. */
function checkExpiry(expiresAt: string | undefined, now: Date): string | null {
  if (expiresAt === undefined) return null;
  const instant = new Date(expiresAt);
  if (instant.getTime() <= now.getTime()) {
    throw new ValidationError("expiresAt: must be in the future", "expiresAt");
  }
  return instant.toISOString();
}

export function registerShareLinkRoutes(app: App): void {
  app.openapi(createShareLinkRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { expiresAt, password } = c.req.valid("json");
    const actor = c.var.actor;
    const stored = await loadMap(c.var.store, id, (w) => canShareMap(actor, w));
    const { user } = signedIn(c);
    const expiry = checkExpiry(expiresAt, new Date());
    const { token, tokenHash, tokenHint } = createShareToken();
    const link = await c.var.store.shareLinks.createShareLink({
      mapId: id,
      tokenHash,
      tokenHint,
      passwordHash: password ? await hashPassword(password) : null,
      createdBy: user.id,
      expiresAt: expiry,
    });
    await recordActivity(
      c,
      "share.created",
      { workspaceId: stored.workspaceId, mapId: id },
      { title: stored.map.title },
    );
    const created: CreatedShareLink = { ...link, token, url: `${publicBaseUrl(c)}/#/shared/${token}` };
    return c.json(created, 201);
  });

  app.openapi(listShareLinksRoute, async (c) => {
    const { id } = c.req.valid("param");
    await checkMapAccess(c.var.store, id, (w) => canShareMap(c.var.actor, w));
    return c.json(await c.var.store.shareLinks.listShareLinks(id, new Date().toISOString()), 200);
  });

  app.openapi(revokeShareLinkRoute, async (c) => {
    const { id, linkId } = c.req.valid("param");
    const stored = await loadMap(c.var.store, id, (w) => canShareMap(c.var.actor, w));
    await c.var.store.shareLinks.revokeShareLink(id, linkId, new Date().toISOString());
    await recordActivity(
      c,
      "share.revoked",
      { workspaceId: stored.workspaceId, mapId: id },
      { title: stored.map.title },
    );
    return c.body(null, 204);
  });
}
