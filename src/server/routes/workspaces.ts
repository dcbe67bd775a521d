import { createRoute, z } from "@hono/zod-openapi";
import type { WorkspaceSummary } from "../../store/store.js";
import type { App } from "../app-env.js";
import { canViewWorkspace } from "../policy.js";

const workspaceSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });

const listWorkspacesRoute = createRoute({
  method: "get",
  path: "/api/workspaces",
  summary: "Workspaces the user can see (the demo one on first start)",
  responses: {
    200: { description: "workspaces", content: { "application/json": { schema: z.array(workspaceSchema) } } },
  },
});

function presentWorkspace(workspace: WorkspaceSummary): z.infer<typeof workspaceSchema> {
  return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt };
}

export function registerWorkspaceRoutes(app: App): void {
  app.openapi(listWorkspacesRoute, async (c) => {
    const workspaces = await c.var.store.listWorkspaces();
    const visible = workspaces.filter((w) => canViewWorkspace(c.var.actor, w.id));
    return c.json(visible.map(presentWorkspace), 200);
  });
}
