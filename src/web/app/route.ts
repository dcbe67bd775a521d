/** Hash routes keep the server simple: any static host can serve the app without a fallback rule. */
export type Route =
  | { name: "maps" }
  | { name: "map"; mapId: string }
  | { name: "personas" }
  | { name: "not-found"; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/" || path === "/maps") return { name: "maps" };
  if (path === "/personas") return { name: "personas" };
  const match = /^\/maps\/([A-Za-z0-9_-]+)$/.exec(path);
  if (match?.[1]) return { name: "map", mapId: match[1] };
  return { name: "not-found", path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case "maps":
      return "#/";
    case "personas":
      return "#/personas";
    case "map":
      return `#/maps/${route.mapId}`;
    case "not-found":
      return `#${route.path}`;
  }
}
