/**
 * The base address for y-websocket's provider: it appends "/<room>", so room `<mapId>` connects to
 * `/api/live/<mapId>` on the page's own host (the server checks that the Origin is its own).
 */
export function liveServerUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/api/live`;
}
