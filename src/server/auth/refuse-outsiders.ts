import type { MiddlewareHandler } from "hono";
import { idSchema } from "../../domain/journey-map.js";
import type { Store } from "../../store/store.js";
import type { AppEnv } from "../app-env.js";
import { canViewWorkspace, requireAllowed, roleIn } from "../policy.js";

/*
 * Every route under a workspace, map, comment or persona is for members of its workspace only. These
 * middlewares refuse a signed-in caller from another workspace before the route validates the request:
 * 404 when the thing does not exist, 403 when it does. So an outsider's answer never depends on what they
 * send (no 400 describing the route); each route still checks what every role of the workspace may do.
 */

/** `/api/workspaces/:wid…`: members pass without a lookup; for others, the workspace is looked up. */
export function refuseWorkspaceOutsiders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const workspaceId = c.req.param("wid");
    const { actor } = c.var;
    if (workspaceId && actor.kind === "user" && roleIn(actor, workspaceId) === null) {
      await c.var.store.getWorkspace(workspaceId);
      requireAllowed(canViewWorkspace(actor, workspaceId));
    }
    await next();
  };
}

/** The workspace a map, comment or persona belongs to; NotFoundError when there is no such one. */
type WorkspaceOf = (store: Store, id: string) => Promise<string>;

export const workspaceOf = {
  map: (store, id) => store.getMapWorkspaceId(id),
  comment: async (store, id) => (await store.comments.getComment(id)).workspaceId,
  persona: async (store, id) => (await store.getPersona(id)).workspaceId,
} satisfies Record<string, WorkspaceOf>;

/**
 * `/api/maps/:id…`, `/api/comments/:id…`, `/api/personas/:id…`: one indexed read finds the workspace. A
 * malformed id is left to the route's validator (its 400 says nothing about any workspace).
 */
export function refuseOutsidersOf(find: WorkspaceOf): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = idSchema.safeParse(c.req.param("id"));
    const { actor } = c.var;
    if (id.success && actor.kind === "user") {
      requireAllowed(canViewWorkspace(actor, await find(c.var.store, id.data)));
    }
    await next();
  };
}
