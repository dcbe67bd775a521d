import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";

/** Where people reach this Tropa: PUBLIC_URL, else the origin the request came to. Base of copied links. */
export function publicBaseUrl(c: Context<AppEnv>): string {
  return c.var.config.publicUrl ?? new URL(c.req.url).origin;
}
