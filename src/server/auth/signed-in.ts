import type { Context } from "hono";
import { UnauthorizedError } from "../../domain/errors.js";
import type { AppEnv } from "../app-env.js";
import type { Actor } from "../policy.js";

/** The signed-in caller; the auth middleware lets only signed-in requests reach the routes that call this. */
export function signedIn(c: Context<AppEnv>): Extract<Actor, { kind: "user" }> {
  const actor = c.var.actor;
  if (actor.kind !== "user") throw new UnauthorizedError();
  return actor;
}
