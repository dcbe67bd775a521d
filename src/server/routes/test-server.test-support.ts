import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Role } from "../../domain/team/role.js";
import { openStore } from "../../store/open-store.js";
import type { Store } from "../../store/store.js";
import type { TestBackend } from "../../store/test-databases.js";
import { loadConfig } from "../config.js";
import { startServer } from "../start.js";

export interface Json {
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response JSON
  [key: string]: any;
}

/**
 * `headers` is not enumerable, so tests can still compare a whole answer with `{ status, json }`.
 */
export type Answer = { status: number; json: Json; readonly headers: Headers };

/** JSON in (a string goes as it is), JSON out; `headers` override the caller's own. */
export type Call = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Answer>;

/** Someone calling the API with a session: the owner, or a member made by `server.member(role)`. */
export interface Caller {
  userId: string;
  email: string;
  password: string;
  /** `tropa_session=…`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
  call: Call;
}

/** A real server on a free port over a fresh store of `backend`, with its own DATA_DIR for event files. */
export interface TestServer {
  url: string;
  dataDir: string;
  /** The "Tests" workspace; the owner owns it. */
  workspaceId: string;
  owner: Caller;
  /** As the owner (`owner@example.test`): sends their cookie and CSRF token. */
  call: Call;
  /** Sends no cookie and no CSRF token. */
  anonymous: { call: Call };
  /**
   * A new user with `role` in the workspace (default the "Tests" one): the owner invites, they sign up
   * through the link.
   */
  member(role: Role, workspaceId?: string): Promise<Caller>;
  /** Calls with exactly this cookie and CSRF token (either may be left out). */
  callWith(session: { cookie?: string; csrfToken?: string }): Call;
  /** A second connection to the server's database, for setting up states the API cannot (close it). */
  openStore(): Promise<Store>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = "correct horse battery staple";

/** A call function sending `cookie` and `x-tropa-csrf` when given. */
export function callerOf(baseUrl: string, session: { cookie?: string; csrfToken?: string }): Call {
  const sessionHeaders: Record<string, string> = {
    ...(session.cookie ? { cookie: session.cookie } : {}),
    ...(session.csrfToken ? { "x-tropa-csrf": session.csrfToken } : {}),
  };
  return async (method, url, body, headers = {}) => {
    const raw = typeof body === "string";
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...sessionHeaders,
        ...(body === undefined || raw ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = { status: response.status, json: (text ? JSON.parse(text) : null) as Json };
    return Object.defineProperty(answer, "headers", { value: response.headers, enumerable: false }) as Answer;
  };
}

/** The `tropa_session=…` pair from a response's Set-Cookie, or null when it sets none. */
export function sessionCookieOf(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    if (pair.startsWith("tropa_session=") && pair !== "tropa_session=") return pair;
  }
  return null;
}

/** Turns a setup, sign-in or sign-up answer into a Caller. */
export function callerFromSignIn(baseUrl: string, answer: Answer, email: string, password: string): Caller {
  const cookie = sessionCookieOf(answer.headers);
  if (answer.status >= 300 || !cookie) {
    throw new Error(`signing in ${email} failed: ${answer.status} ${JSON.stringify(answer.json)}`);
  }
  const csrfToken = answer.json.csrfToken as string;
  return {
    userId: answer.json.user.id as string,
    email,
    password,
    cookie,
    csrfToken,
    call: callerOf(baseUrl, { cookie, csrfToken }),
  };
}

/** Signs in over HTTP and returns the new session as a Caller. */
export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<Caller> {
  const answer = await callerOf(baseUrl, {})("POST", "/api/auth/sign-in", { email, password });
  return callerFromSignIn(baseUrl, answer, email, password);
}

/** Creates the owner account on a fresh server, as the first visitor would. */
export async function setUpOwner(baseUrl: string, email = "owner@example.test"): Promise<Caller> {
  const answer = await callerOf(baseUrl, {})("POST", "/api/auth/setup", {
    email,
    name: "Owner",
    password: TEST_PASSWORD,
  });
  return callerFromSignIn(baseUrl, answer, email, TEST_PASSWORD);
}

let memberCount = 0;

export async function startTestServer(
  backend: TestBackend,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const created = await backend.create();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tropa-events-"));
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, ...env });
  const storeConfig = { dataDir, databaseUrl: created.config.databaseUrl };
  // A workspace of its own: the server then skips the demo seed (and its demo events).
  const store = await openStore(storeConfig);
  await store.createWorkspace("Tests");
  await store.close();
  const server = await startServer({ ...config, databaseUrl: created.config.databaseUrl, webDir: dataDir });
  const owner = await setUpOwner(server.url);
  const workspaceId = (await owner.call("GET", "/api/workspaces")).json[0].id as string;
  const member = async (role: Role, inWorkspace = workspaceId): Promise<Caller> => {
    const invited = await owner.call("POST", `/api/workspaces/${inWorkspace}/invitations`, { role });
    if (invited.status !== 201) throw new Error(`inviting a ${role} failed: ${JSON.stringify(invited.json)}`);
    memberCount += 1;
    const email = `${role}-${memberCount}@example.test`;
    const answer = await callerOf(server.url, {})("POST", "/api/auth/sign-up", {
      email,
      name: `${role[0]?.toUpperCase()}${role.slice(1)} ${memberCount}`,
      password: TEST_PASSWORD,
      invitation: invited.json.token,
    });
    return callerFromSignIn(server.url, answer, email, TEST_PASSWORD);
  };
  return {
    url: server.url,
    dataDir,
    workspaceId,
    owner,
    call: owner.call,
    anonymous: { call: callerOf(server.url, {}) },
    member,
    callWith: (session) => callerOf(server.url, session),
    openStore: () => openStore(storeConfig),
    async close() {
      await server.close();
      await created.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls an import job until it is no longer running. */
export async function waitForImport(server: TestServer, importId: string): Promise<Json> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await server.call("GET", `/api/workspaces/${server.workspaceId}/imports/${importId}`)).json;
    if (job.state !== "running" || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * 120 people from June 2024: everyone visits, every 2nd signs up 2 h later, every 4th pays 3 days
 * after the visit, every other 5th pays within the hour without signing up; every 3rd came from ads. So the funnel
 * visit → signup → pay counts 120, 60, 30 (ads only: 40, 20, 10).
 */
export function funnelEventsCsv(): string {
  const lines = ["person,time,event,channel,url"];
  const add = (person: string, time: number, event: string, channel: string) =>
    lines.push(`${person},${new Date(time).toISOString()},${event},${channel},https://shop.example/${event}`);
  for (let i = 0; i < 120; i++) {
    const person = `p${i}`;
    const start = Date.UTC(2024, 5, 1) + (i % 30) * DAY;
    const channel = i % 3 === 0 ? "ads" : "organic";
    add(person, start, "visit", channel);
    if (i % 2 === 0) add(person, start + 2 * 60 * 60 * 1000, "signup", channel);
    if (i % 4 === 0) add(person, start + 3 * DAY, "pay", channel);
    else if (i % 5 === 0) add(person, start + 60 * 60 * 1000, "pay", channel);
  }
  return `${lines.join("\n")}\n`;
}
