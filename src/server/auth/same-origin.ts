/**
 * Whether a browser's `Origin` header names this server: the origin of PUBLIC_URL when it is set, else
 * the request's own Host (any scheme, since behind a TLS proxy the server cannot tell). Cross-site pages
 * can open WebSockets with the user's cookies, so upgrades must pass this check.
 */
export function isSameOrigin(
  origin: string | undefined,
  host: string | undefined,
  publicUrl: string | undefined,
): boolean {
  if (!origin || !URL.canParse(origin)) return false;
  const from = new URL(origin);
  if (publicUrl) return from.origin === new URL(publicUrl).origin;
  return (
    host !== undefined && (from.protocol === "http:" || from.protocol === "https:") && from.host === host
  );
}
