/**
 * Requests that need no session: the sign-in screen's own calls, invitation previews, share links, event
 * capture (it has its write key) and the service endpoints. The live channel checks the session itself,
 * so it can close the WebSocket with its own code (4401) instead of refusing the upgrade.
 */
const PUBLIC_ROUTES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: "GET", path: /^\/api\/health$/ },
  { method: "GET", path: /^\/api\/openapi\.json$/ },
  { method: "GET", path: /^\/api\/auth\/state$/ },
  { method: "POST", path: /^\/api\/auth\/setup$/ },
  { method: "POST", path: /^\/api\/auth\/sign-in$/ },
  { method: "POST", path: /^\/api\/auth\/sign-up$/ },
  { method: "GET", path: /^\/api\/invitations\/[^/]+$/ },
  { method: "POST", path: /^\/api\/shared\/[^/]+$/ },
  { method: "POST", path: /^\/api\/capture$/ },
  { method: "GET", path: /^\/api\/live\/[^/]+$/ },
];

export function isPublicRoute(method: string, path: string): boolean {
  const asked = method === "HEAD" ? "GET" : method;
  return PUBLIC_ROUTES.some((route) => route.method === asked && route.path.test(path));
}
