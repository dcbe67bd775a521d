import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { roleIn } from "../policy.js";

/**
 * A signed-in user asking about a workspace they are not a member of gets 404 when it does not exist,
 * like an unknown map, and the route's 403 when it does. Members never pay for the extra lookup.
 */
export function answerUnknownWorkspaces(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const workspaceId = c.req.param("wid");
    if (workspaceId && c.var.actor.kind === "user" && roleIn(c.var.actor, workspaceId) === null) {
      await c.var.store.getWorkspace(workspaceId);
    }
    await next();
  };
}
