import { createRoute, z } from "@hono/zod-openapi";
import { idSchema } from "../../domain/journey-map.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { canManageWriteKey, requireAllowed } from "../policy.js";

const writeKeyResponse = {
  description: "the write key capture clients send (HTTP Basic username, or `writeKey` in the body)",
  content: { "application/json": { schema: z.object({ writeKey: z.string() }) } },
};

const getWriteKeyRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/write-key",
  summary: "The workspace's write key for POST /api/capture (created on first use)",
  request: { params: z.object({ wid: idSchema }) },
  responses: { 200: writeKeyResponse, 404: errorResponses[404] },
});

const rotateWriteKeyRoute = createRoute({
  method: "post",
  path: "/api/workspaces/{wid}/write-key/rotate",
  summary: "Replace the write key; the old one stops working at once",
  request: { params: z.object({ wid: idSchema }) },
  responses: { 200: writeKeyResponse, 404: errorResponses[404] },
});

export function registerWriteKeyRoutes(app: App): void {
  app.openapi(getWriteKeyRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canManageWriteKey(c.var.actor, wid));
    return c.json({ writeKey: await c.var.store.getWriteKey(wid) }, 200);
  });

  app.openapi(rotateWriteKeyRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canManageWriteKey(c.var.actor, wid));
    return c.json({ writeKey: await c.var.store.rotateWriteKey(wid) }, 200);
  });
}
