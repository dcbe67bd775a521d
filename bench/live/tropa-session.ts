import type { JourneyMap } from "../../src/domain/journey-map.js";

/** Someone signed in to the bench's Tropa server: their cookie and CSRF token. */
export interface Session {
  email: string;
  /** `tropa_session=…`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
}

export interface StoredMap {
  map: JourneyMap;
  revision: number;
}

const PASSWORD = "bench live editors type fast";

/** A JSON request as `session` (cookie and CSRF token), or anonymous; a non-2xx answer throws with its body. */
export async function callJson(
  baseUrl: string,
  session: Session | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ json: unknown; headers: Headers }> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, "x-tropa-csrf": session.csrfToken } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
  return { json: text ? JSON.parse(text) : null, headers: response.headers };
}

function sessionFrom(email: string, answer: { json: unknown; headers: Headers }): Session {
  const cookie = answer.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("tropa_session=") && pair !== "tropa_session=");
  if (!cookie) throw new Error(`signing in ${email} set no session cookie`);
  return { email, cookie, csrfToken: (answer.json as { csrfToken: string }).csrfToken };
}

/** Creates the owner on a fresh data dir, as the first visitor does. */
export async function setUpOwner(baseUrl: string): Promise<Session> {
  const email = "owner@bench.test";
  const answer = await callJson(baseUrl, null, "POST", "/api/auth/setup", {
    email,
    name: "Bench owner",
    password: PASSWORD,
  });
  return sessionFrom(email, answer);
}

/** The owner invites an editor by link and they sign up through it. */
export async function signUpEditor(
  baseUrl: string,
  owner: Session,
  workspaceId: string,
  index: number,
): Promise<Session> {
  const invited = await callJson(baseUrl, owner, "POST", `/api/workspaces/${workspaceId}/invitations`, {
    role: "editor",
  });
  const email = `editor-${index}@bench.test`;
  const answer = await callJson(baseUrl, null, "POST", "/api/auth/sign-up", {
    email,
    name: `Editor ${index}`,
    password: PASSWORD,
    invitation: (invited.json as { token: string }).token,
  });
  return sessionFrom(email, answer);
}

export async function firstWorkspaceId(baseUrl: string, owner: Session): Promise<string> {
  const { json } = await callJson(baseUrl, owner, "GET", "/api/workspaces");
  const id = (json as { id: string }[])[0]?.id;
  if (!id) throw new Error("the owner has no workspace to create maps in");
  return id;
}

export async function createTemplateMap(
  baseUrl: string,
  owner: Session,
  workspaceId: string,
  templateId: string,
): Promise<StoredMap> {
  const { json } = await callJson(baseUrl, owner, "POST", `/api/workspaces/${workspaceId}/maps`, {
    templateId,
    lang: "en",
  });
  return json as StoredMap;
}

export async function getMap(baseUrl: string, owner: Session, mapId: string): Promise<StoredMap> {
  return (await callJson(baseUrl, owner, "GET", `/api/maps/${mapId}`)).json as StoredMap;
}

/** Saves `stored.map` on top of `stored.revision`. */
export async function putMap(baseUrl: string, owner: Session, stored: StoredMap): Promise<void> {
  await callJson(baseUrl, owner, "PUT", `/api/maps/${stored.map.id}`, {
    map: stored.map,
    baseRevision: stored.revision,
  });
}
