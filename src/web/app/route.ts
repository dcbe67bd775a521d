/** Hash routes keep the server simple: any static host can serve the app without a fallback rule. */
export type Route =
  | { name: "maps" }
  | { name: "map"; mapId: string }
  | { name: "personas" }
  | { name: "members" }
  | { name: "activity" }
  | { name: "account" }
  | { name: "invite"; token: string }
  | { name: "shared"; token: string }
  | { name: "not-found"; path: string };

const SIMPLE: Record<string, Route> = {
  "/": { name: "maps" },
  "/maps": { name: "maps" },
  "/personas": { name: "personas" },
  "/members": { name: "members" },
  "/activity": { name: "activity" },
  "/account": { name: "account" },
};

/** Ids and link tokens are base64url: anything else in the address is not ours. */
const WITH_ID = /^\/(maps|invite|shared)\/([A-Za-z0-9_-]+)$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  const simple = SIMPLE[path];
  if (simple) return simple;
  const [, kind, id] = WITH_ID.exec(path) ?? [];
  if (kind === "maps" && id) return { name: "map", mapId: id };
  if (kind === "invite" && id) return { name: "invite", token: id };
  if (kind === "shared" && id) return { name: "shared", token: id };
  return { name: "not-found", path };
}

/** Routes anyone may open without an account: the app decides about signing in only for the others. */
export function isPublicRoute(route: Route): boolean {
  return route.name === "shared";
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case "maps":
      return "#/";
    case "map":
      return `#/maps/${route.mapId}`;
    case "invite":
      return `#/invite/${route.token}`;
    case "shared":
      return `#/shared/${route.token}`;
    case "not-found":
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}
