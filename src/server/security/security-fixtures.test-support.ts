import type { Role } from "../../domain/team/role.js";
import type { Caller, Json, TestServer } from "../routes/test-server.test-support.js";

/** Text put into every fixture, so an answer that leaks workspace data is easy to spot. */
export const SECRET = "Zorblax";

export async function createMap(server: TestServer): Promise<string> {
  const templates = (await server.call("GET", "/api/templates")).json as Json[];
  const template = templates.find((t) => t.kind === "model") ?? templates[0];
  const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/maps`, {
    templateId: template?.id,
    lang: "en",
  });
  const { map, revision } = created.json;
  await server.call("PUT", `/api/maps/${map.id}`, {
    map: { ...map, title: `${SECRET} map` },
    baseRevision: revision,
  });
  return map.id as string;
}

export async function createPersona(server: TestServer): Promise<string> {
  const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/personas`, {
    schemaVersion: 1,
    name: `${SECRET} persona`,
  });
  return created.json.id as string;
}

export async function createComment(
  server: TestServer,
  mapId: string,
  by: Caller = server.owner,
): Promise<string> {
  const created = await by.call("POST", `/api/maps/${mapId}/comments`, {
    target: { kind: "map" },
    body: `${SECRET} comment`,
  });
  return created.json.id as string;
}

export async function createShareLink(
  server: TestServer,
  mapId: string,
): Promise<{ id: string; token: string }> {
  const created = await server.call("POST", `/api/maps/${mapId}/share-links`, {});
  return { id: created.json.link?.id ?? created.json.id, token: created.json.token as string };
}

export async function createInvitation(
  server: TestServer,
  role: Role = "viewer",
): Promise<{ id: string; token: string }> {
  const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/invitations`, { role });
  return { id: created.json.invitation?.id ?? created.json.id, token: created.json.token as string };
}
