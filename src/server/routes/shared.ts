import { createRoute, z } from "@hono/zod-openapi";
import { NotFoundError, UnauthorizedError } from "../../domain/errors.js";
import { openSharedMapBodySchema, type SharedMap, sharedMapSchema } from "../../domain/team/share-link.js";
import type { Store } from "../../store/store.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { clientAddress } from "../auth/client-address.js";
import { verifyPassword } from "../auth/password-hash.js";
import { hashSecretToken, looksLikeSecretToken } from "../auth/secret-token.js";

const TOKEN_MAX = 200;

const openSharedMapRoute = createRoute({
  method: "post",
  path: "/api/shared/{token}",
  summary: "Open a map through its share link (public; the body carries the link's password, if any)",
  description:
    "Unknown, revoked and expired links get the same 404. A link with a password answers 401 `password_required` without one and `wrong_password` with a wrong one.",
  request: {
    params: z.object({ token: z.string().max(TOKEN_MAX) }),
    body: { required: false, content: { "application/json": { schema: openSharedMapBodySchema } } },
  },
  responses: {
    200: {
      description: "the map and the personas it uses",
      content: { "application/json": { schema: sharedMapSchema } },
    },
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
    429: errorResponses[429],
  },
});

/** The map and only the personas it names: nothing else of its workspace travels with a link. */
async function readSharedMap(store: Store, mapId: string): Promise<SharedMap> {
  const stored = await store.getMap(mapId);
  const personas = await store.listPersonas(stored.workspaceId);
  const used = new Set(stored.map.personaIds);
  return {
    map: stored.map,
    personas: personas.filter((persona) => used.has(persona.id)),
    updatedAt: stored.updatedAt,
  };
}

export function registerSharedRoutes(app: App): void {
  // The token sits in the URL: keep answers out of caches and the link out of Referer headers.
  app.use("/api/shared/*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
    c.res.headers.set("Referrer-Policy", "no-referrer");
  });

  app.openapi(openSharedMapRoute, async (c) => {
    const { token } = c.req.valid("param");
    const address = clientAddress(c);
    const link = looksLikeSecretToken(token)
      ? await c.var.store.shareLinks.findShareLink(hashSecretToken(token), new Date().toISOString())
      : null;
    if (!link) {
      // Guessing tokens is hopeless at 256 bits, but a client that keeps trying is slowed down all the same.
      await c.var.attempts.consume("shared-link", address);
      throw new NotFoundError("share link");
    }
    if (link.passwordHash) {
      const password = c.req.valid("json")?.password;
      if (!password) throw new UnauthorizedError("this link needs its password", "password_required");
      await c.var.attempts.consume("shared-link", address, link.id);
      if (!(await verifyPassword(password, link.passwordHash))) {
        throw new UnauthorizedError("the password is wrong; check it and try again", "wrong_password");
      }
      await c.var.attempts.forgive("shared-link", link.id);
    }
    return c.json(await readSharedMap(c.var.store, link.mapId), 200);
  });
}
