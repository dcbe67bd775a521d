import type { MiddlewareHandler } from "hono";
import { ForbiddenError, UnauthorizedError } from "../../domain/errors.js";
import type { AppEnv } from "../app-env.js";
import { actorFromCookieHeader } from "./actor-from-cookie.js";
import { CSRF_HEADER, passesCsrfCheck } from "./csrf.js";
import { isPublicRoute } from "./public-routes.js";

/**
 * Sets `c.var.actor` from the session cookie on every /api request. Other than on the public routes, a
 * request needs a valid session (401 `unauthenticated`), and a write also the session's CSRF token in
 * `x-tropa-csrf` (403 `csrf_failed`), checked before any handler runs so nothing is written.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = await actorFromCookieHeader(c.var.store, c.req.header("cookie"), new Date());
    c.set("actor", actor);
    if (isPublicRoute(c.req.method, c.req.path)) return next();
    if (actor.kind === "anonymous")
      throw new UnauthorizedError("sign in first: this needs a signed-in account");
    if (!passesCsrfCheck(actor, c.req.method, c.req.header(CSRF_HEADER))) {
      throw new ForbiddenError(
        `the ${CSRF_HEADER} header is missing or wrong; reload the page and try again`,
        "csrf_failed",
      );
    }
    await next();
  };
}
