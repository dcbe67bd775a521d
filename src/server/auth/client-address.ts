import type { Context } from "hono";

/**
 * The peer's IP address, for rate limits. Requests that do not come through a Node socket (app.request
 * in tests) share one bucket. Forwarded headers are not trusted: any client could set them.
 */
export function clientAddress(c: Context): string {
  const env: unknown = c.env;
  if (typeof env !== "object" || env === null || !("incoming" in env)) return "local";
  const incoming = env.incoming as { socket?: { remoteAddress?: string } } | undefined;
  return incoming?.socket?.remoteAddress ?? "local";
}
