import { createRoute, z } from "@hono/zod-openapi";
import { eventSummarySchema, propertyExamplesSchema } from "../../domain/analytics/event-summary.js";
import { idSchema } from "../../domain/journey-map.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { canViewEvents, requireAllowed } from "../policy.js";
import { json } from "./json-content.js";

const summaryRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/events/summary",
  summary: "What the workspace's events hold: totals, per source (import or feed) and per event name",
  request: { params: z.object({ wid: idSchema }) },
  responses: { 200: json(eventSummarySchema, "the summary"), 404: errorResponses[404] },
});

const propertiesRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/events/properties",
  summary: "Top-level property keys of an event with a few example values (for binding stages)",
  request: {
    params: z.object({ wid: idSchema }),
    query: z.object({ event: z.string().min(1).max(512) }),
  },
  responses: {
    200: json(z.object({ properties: z.array(propertyExamplesSchema) }), "properties, most common first"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerEventRoutes(app: App): void {
  app.openapi(summaryRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canViewEvents(c.var.actor, wid));
    await c.var.store.getWorkspace(wid);
    const summary = await c.var.eventStores.use(wid, (events) => events.summary());
    return c.json(summary, 200);
  });

  app.openapi(propertiesRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canViewEvents(c.var.actor, wid));
    const { event } = c.req.valid("query");
    await c.var.store.getWorkspace(wid);
    const properties = await c.var.eventStores.use(wid, (events) => events.properties(event));
    return c.json({ properties }, 200);
  });
}
