import type { JourneyMap } from "../src/domain/journey-map.js";

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

export const BENCH_PASSWORD = "bench live editors type fast";

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
      ...(session ? sessionHeaders(session) : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
  return { json: text ? JSON.parse(text) : null, headers: response.headers };
}

/** The headers a signed-in write needs; the server ignores the CSRF header on reads. */
export function sessionHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, "x-tropa-csrf": session.csrfToken };
}

/** The session cookie as a browser context takes it. */
export function sessionCookie(session: Session): { name: string; value: string } {
  const [name = "", value = ""] = session.cookie.split(/=(.*)/s);
  return { name, value };
}

/** The session from a setup/sign-in/sign-up answer: its Set-Cookie and the CSRF token in its body. */
export function sessionFrom(email: string, answer: { json: unknown; headers: Headers }): Session {
  const cookie = answer.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("tropa_session=") && pair !== "tropa_session=");
  if (!cookie) throw new Error(`signing in ${email} set no session cookie`);
  return { email, cookie, csrfToken: (answer.json as { csrfToken: string }).csrfToken };
}

/** Creates the owner on a fresh data dir, as the first visitor does; they own the demo workspace. */
export async function setUpOwner(baseUrl: string): Promise<Session> {
  const email = "owner@bench.test";
  const answer = await callJson(baseUrl, null, "POST", "/api/auth/setup", {
    email,
    name: "Bench owner",
    password: BENCH_PASSWORD,
  });
  return sessionFrom(email, answer);
}

export async function firstWorkspaceId(baseUrl: string, session: Session): Promise<string> {
  const { json } = await callJson(baseUrl, session, "GET", "/api/workspaces");
  const id = (json as { id: string }[])[0]?.id;
  if (!id) throw new Error(`${session.email} has no workspace to create maps in`);
  return id;
}

/** POST /api/workspaces/:wid/maps from a template or a whole map; the server gives the map fresh ids. */
export async function createMap(
  baseUrl: string,
  session: Session,
  workspaceId: string,
  body: { templateId: string; lang: "en" } | { map: JourneyMap },
): Promise<StoredMap> {
  const { json } = await callJson(baseUrl, session, "POST", `/api/workspaces/${workspaceId}/maps`, body);
  return json as StoredMap;
}

export async function getMap(baseUrl: string, session: Session, mapId: string): Promise<StoredMap> {
  return (await callJson(baseUrl, session, "GET", `/api/maps/${mapId}`)).json as StoredMap;
}

/** Saves `stored.map` on top of `stored.revision`. */
export async function putMap(baseUrl: string, session: Session, stored: StoredMap): Promise<void> {
  await callJson(baseUrl, session, "PUT", `/api/maps/${stored.map.id}`, {
    map: stored.map,
    baseRevision: stored.revision,
  });
}
