import type { JourneyMap } from "../src/domain/journey-map.js";

/** A JSON request to the Tropa API; any non-2xx answer throws with the server's error body. */
export async function requestJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
  const body = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: HTTP ${response.status} ${body}`);
  return JSON.parse(body);
}

/** POST /api/workspaces/:wid/maps into the first (demo) workspace; the server gives the map fresh ids. */
export async function createMap(
  baseUrl: string,
  body: { templateId: string; lang: "en" } | { map: JourneyMap },
): Promise<{ map: JourneyMap; revision: number }> {
  const workspaces = (await requestJson(`${baseUrl}/api/workspaces`)) as { id: string }[];
  const workspaceId = workspaces[0]?.id;
  if (!workspaceId) throw new Error("the server has no workspace to create maps in");
  return (await requestJson(`${baseUrl}/api/workspaces/${workspaceId}/maps`, {
    method: "POST",
    body: JSON.stringify(body),
  })) as { map: JourneyMap; revision: number };
}
