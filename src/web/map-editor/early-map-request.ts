import { api } from "../api/client.js";
import type { LoadedMap } from "../api/types.js";
import { parseRoute } from "../app/route.js";

let early: { mapId: string; request: Promise<LoadedMap> } | null = null;

/**
 * Starts loading the map named in the address before the app bundle has been evaluated, so its JSON
 * (256 KiB for a large map) downloads while React and the schemas load instead of after them.
 */
export function requestMapEarly(hash: string): void {
  const route = parseRoute(hash);
  if (route.name !== "map") return;
  const request = api.map(route.mapId);
  // A failure is reported by the editor when it takes the request; until then it must not count as unhandled.
  request.catch(() => {});
  early = { mapId: route.mapId, request };
}

/** The early request for this map, handed out once: a later load (reload, coming back) fetches afresh. */
export function takeEarlyMapRequest(mapId: string): Promise<LoadedMap> | null {
  if (early?.mapId !== mapId) return null;
  const { request } = early;
  early = null;
  return request;
}
