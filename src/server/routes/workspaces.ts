import { createRoute, z } from "@hono/zod-openapi";
import { idSchema, nameSchema } from "../../domain/journey-map.js";
import { type MemberWorkspace, memberWorkspaceSchema } from "../../domain/team/account.js";
import type { WorkspaceSummary } from "../../store/store.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { signedIn } from "../auth/signed-in.js";
import { canManageMembers, requireAllowed } from "../policy.js";
import { json, jsonBody } from "./json-content.js";

const nameBody = jsonBody(z.object({ name: nameSchema }));

const listWorkspacesRoute = createRoute({
  method: "get",
  path: "/api/workspaces",
  summary: "The workspaces the signed-in user belongs to, with their role in each",
  responses: { 200: json(z.array(memberWorkspaceSchema), "workspaces"), 401: errorResponses[401] },
});

const createWorkspaceRoute = createRoute({
  method: "post",
  path: "/api/workspaces",
  summary: "Create a workspace; its creator is its owner",
  request: { body: nameBody },
  responses: {
    201: json(memberWorkspaceSchema, "the new workspace"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

const renameWorkspaceRoute = createRoute({
  method: "patch",
  path: "/api/workspaces/{wid}",
  summary: "Rename a workspace (owners)",
  request: { params: z.object({ wid: idSchema }), body: nameBody },
  responses: {
    200: json(memberWorkspaceSchema, "the renamed workspace"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

function presentWorkspace(workspace: WorkspaceSummary, role: MemberWorkspace["role"]): MemberWorkspace {
  return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt, role };
}

export function registerWorkspaceRoutes(app: App): void {
  app.openapi(listWorkspacesRoute, async (c) => {
    const workspaces = await c.var.store.accounts.rolesOf(signedIn(c).user.id);
    return c.json(
      workspaces.map((w) =>
        presentWorkspace({ id: w.workspaceId, name: w.name, createdAt: w.createdAt }, w.role),
      ),
      200,
    );
  });

  app.openapi(createWorkspaceRoute, async (c) => {
    const userId = signedIn(c).user.id;
    const workspace = await c.var.store.members.createWorkspaceOwnedBy(c.req.valid("json").name, userId);
    await recordActivity(c, "workspace.created", { workspaceId: workspace.id }, { name: workspace.name });
    return c.json(presentWorkspace(workspace, "owner"), 201);
  });

  app.openapi(renameWorkspaceRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canManageMembers(c.var.actor, wid));
    const before = await c.var.store.getWorkspace(wid);
    const workspace = await c.var.store.members.renameWorkspace(wid, c.req.valid("json").name);
    await recordActivity(
      c,
      "workspace.renamed",
      { workspaceId: wid },
      { from: before.name, to: workspace.name },
    );
    return c.json(presentWorkspace(workspace, "owner"), 200);
  });
}
