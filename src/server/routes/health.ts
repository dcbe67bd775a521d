import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../app-env.js";

const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  summary: "Liveness and which database is in use",
  responses: {
    200: {
      description: "the server is up",
      content: {
        "application/json": {
          schema: z.object({ status: z.literal("ok"), store: z.enum(["sqlite", "postgres"]) }),
        },
      },
    },
  },
});

export function registerHealthRoutes(app: App): void {
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const, store: c.var.store.kind }, 200));
}
