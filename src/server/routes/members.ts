import { createRoute, z } from "@hono/zod-openapi";
import { idSchema } from "../../domain/journey-map.js";
import { changeRoleBodySchema, workspaceMemberSchema } from "../../domain/team/workspace-member.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { signedIn } from "../auth/signed-in.js";
import { canManageMembers, canViewWorkspace, requireAllowed } from "../policy.js";
import { json, jsonBody } from "./json-content.js";

const workspaceParams = z.object({ wid: idSchema });
const memberParams = z.object({ wid: idSchema, uid: idSchema });

const listMembersRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/members",
  summary: "Members of a workspace with their roles",
  request: { params: workspaceParams },
  responses: {
    200: json(z.array(workspaceMemberSchema), "members"),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const changeRoleRoute = createRoute({
  method: "patch",
  path: "/api/workspaces/{wid}/members/{uid}",
  summary: "Change a member's role (owners); the last owner cannot be demoted",
  request: {
    params: memberParams,
    body: jsonBody(changeRoleBodySchema),
  },
  responses: {
    200: json(workspaceMemberSchema, "the member"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const removeMemberRoute = createRoute({
  method: "delete",
  path: "/api/workspaces/{wid}/members/{uid}",
  summary: "Remove a member (owners), or leave the workspace (one's own membership); not the last owner",
  request: { params: memberParams },
  responses: {
    204: { description: "removed; their access ends at once" },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function registerMemberRoutes(app: App): void {
  app.openapi(listMembersRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canViewWorkspace(c.var.actor, wid));
    return c.json(await c.var.store.members.listMembers(wid), 200);
  });

  app.openapi(changeRoleRoute, async (c) => {
    const { wid, uid } = c.req.valid("param");
    requireAllowed(canManageMembers(c.var.actor, wid));
    const { role } = c.req.valid("json");
    const member = await c.var.store.members.changeRole(wid, uid, role);
    await recordActivity(
      c,
      "member.role_changed",
      { workspaceId: wid },
      { userId: uid, name: member.name, role },
    );
    return c.json(member, 200);
  });

  app.openapi(removeMemberRoute, async (c) => {
    const { wid, uid } = c.req.valid("param");
    const actorId = signedIn(c).user.id;
    const leaving = uid === actorId;
    requireAllowed(leaving ? canViewWorkspace(c.var.actor, wid) : canManageMembers(c.var.actor, wid));
    const members = await c.var.store.members.listMembers(wid);
    const name = members.find((m) => m.userId === uid)?.name ?? null;
    await c.var.store.members.removeMember(wid, uid);
    await recordActivity(c, "member.removed", { workspaceId: wid }, { userId: uid, name, left: leaving });
    return c.body(null, 204);
  });
}
