import { createRoute, z } from "@hono/zod-openapi";
import { idSchema } from "../../domain/journey-map.js";
import { activityPageSchema } from "../../domain/team/activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { canViewActivity, requireAllowed } from "../policy.js";
import { checkMapAccess } from "./load-map.js";

export const ACTIVITY_PAGE_DEFAULT = 30;
export const ACTIVITY_PAGE_MAX = 100;

const pageQuery = z.object({
  before: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "the `next` cursor of the previous page; omit for the newest entries" }),
  limit: z.coerce.number().int().min(1).max(ACTIVITY_PAGE_MAX).default(ACTIVITY_PAGE_DEFAULT),
});

const pageResponses = {
  200: {
    description: "entries, newest first",
    content: { "application/json": { schema: activityPageSchema } },
  },
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
};

const mapActivityRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}/activity",
  summary: "Who changed what in a map, newest first (editors and owners)",
  request: { params: z.object({ id: idSchema }), query: pageQuery },
  responses: pageResponses,
});

const workspaceActivityRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/activity",
  summary: "Who changed what in a workspace and its maps, newest first (editors and owners)",
  request: { params: z.object({ wid: idSchema }), query: pageQuery },
  responses: pageResponses,
});

export function registerActivityRoutes(app: App): void {
  app.openapi(mapActivityRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { before, limit } = c.req.valid("query");
    const workspaceId = await checkMapAccess(c.var.store, id, (w) => canViewActivity(c.var.actor, w));
    const page = await c.var.store.activity.listActivity({ workspaceId, mapId: id, before, limit });
    return c.json(page, 200);
  });

  app.openapi(workspaceActivityRoute, async (c) => {
    const { wid } = c.req.valid("param");
    const { before, limit } = c.req.valid("query");
    requireAllowed(canViewActivity(c.var.actor, wid));
    const page = await c.var.store.activity.listActivity({ workspaceId: wid, before, limit });
    return c.json(page, 200);
  });
}
