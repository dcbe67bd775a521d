import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Role } from "../../domain/team/role.js";
import { testBackends } from "../../store/test-databases.js";
import { liveUrl } from "../live/live-client.test-support.js";
import {
  type Answer,
  type Caller,
  funnelEventsCsv,
  type Json,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  waitForImport,
} from "../routes/test-server.test-support.js";
import {
  createComment,
  createInvitation,
  createMap,
  createPersona,
  createShareLink,
  SECRET,
} from "./security-fixtures.test-support.js";
import { snapshotWorkspace } from "./workspace-snapshot.test-support.js";

const FOREIGN_ID = "0123456789abcdef0123";

type Access = Role | "signed-in" | "public" | "write-key" | "share-token";

interface Request {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A URL where the credential in the path (token) is unknown; for public token routes. */
  deniedUrl?: string;
}

interface RouteCase {
  access: Access;
  request(fx: Fixtures): Promise<Request> | Request;
  /** The allowed call ends the caller's session(s) or membership: make it with a throwaway member. */
  throwaway?: true;
  /** Waits for background work the allowed call started, so the next route's snapshots stay stable. */
  settle?(fx: Fixtures, answer: Answer): Promise<unknown>;
}

interface Fixtures {
  server: TestServer;
  mapId: string;
  personaId: string;
  commentId: string;
  importId: string;
  exportedMap: string;
}

const ROLE_ORDER: Role[] = ["viewer", "commenter", "editor", "owner"];
const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });

async function currentMap(server: TestServer, mapId: string): Promise<Json> {
  return (await server.call("GET", `/api/maps/${mapId}`)).json;
}

const wid = (fx: Fixtures) => fx.server.workspaceId;
const mapUrl = (fx: Fixtures) => `/api/maps/${fx.mapId}`;

/** Every operation of the OpenAPI document, with the least access that may call it and a valid request. */
const MATRIX: Record<string, RouteCase> = {
  "GET /api/health": { access: "public", request: () => ({ url: "/api/health" }) },
  "GET /api/auth/state": { access: "public", request: () => ({ url: "/api/auth/state" }) },
  "POST /api/auth/setup": {
    access: "public",
    request: () => ({
      url: "/api/auth/setup",
      body: { email: "x@example.test", name: "X", password: TEST_PASSWORD },
    }),
  },
  "POST /api/auth/sign-in": {
    access: "public",
    request: (fx) => ({
      url: "/api/auth/sign-in",
      body: { email: fx.server.owner.email, password: TEST_PASSWORD },
    }),
  },
  "POST /api/auth/sign-up": {
    access: "public",
    request: async (fx) => ({
      url: "/api/auth/sign-up",
      body: {
        email: `joiner-${Date.now()}@example.test`,
        name: "Joiner",
        password: TEST_PASSWORD,
        invitation: (await createInvitation(fx.server)).token,
      },
    }),
  },
  "POST /api/auth/sign-out": {
    access: "signed-in",
    throwaway: true,
    request: () => ({ url: "/api/auth/sign-out" }),
  },
  "POST /api/auth/sign-out-everywhere": {
    access: "signed-in",
    throwaway: true,
    request: () => ({ url: "/api/auth/sign-out-everywhere" }),
  },
  "GET /api/auth/me": { access: "signed-in", request: () => ({ url: "/api/auth/me" }) },
  "PATCH /api/auth/me": {
    access: "signed-in",
    throwaway: true,
    request: () => ({ url: "/api/auth/me", body: { name: "Renamed" } }),
  },
  "POST /api/auth/password": {
    access: "signed-in",
    throwaway: true,
    request: () => ({
      url: "/api/auth/password",
      body: { currentPassword: TEST_PASSWORD, newPassword: "another long passphrase 42" },
    }),
  },
  "GET /api/templates": {
    access: "viewer",
    request: (fx) => ({ url: `/api/templates?workspaceId=${wid(fx)}` }),
  },
  "GET /api/workspaces": { access: "signed-in", request: () => ({ url: "/api/workspaces" }) },
  "POST /api/workspaces": {
    access: "signed-in",
    request: () => ({ url: "/api/workspaces", body: { name: "Own" } }),
  },
  "PATCH /api/workspaces/{wid}": {
    access: "owner",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}`, body: { name: "Tests" } }),
  },
  "GET /api/workspaces/{wid}/members": {
    access: "viewer",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/members` }),
  },
  "PATCH /api/workspaces/{wid}/members/{uid}": {
    access: "owner",
    request: async (fx) => {
      const victim = await fx.server.member("viewer");
      return { url: `/api/workspaces/${wid(fx)}/members/${victim.userId}`, body: { role: "commenter" } };
    },
  },
  "DELETE /api/workspaces/{wid}/members/{uid}": {
    access: "owner",
    request: async (fx) => {
      const victim = await fx.server.member("viewer");
      return { url: `/api/workspaces/${wid(fx)}/members/${victim.userId}` };
    },
  },
  "POST /api/workspaces/{wid}/invitations": {
    access: "owner",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/invitations`, body: { role: "editor" } }),
  },
  "GET /api/workspaces/{wid}/invitations": {
    access: "owner",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/invitations` }),
  },
  "DELETE /api/workspaces/{wid}/invitations/{id}": {
    access: "owner",
    request: async (fx) => ({
      url: `/api/workspaces/${wid(fx)}/invitations/${(await createInvitation(fx.server)).id}`,
    }),
  },
  "GET /api/invitations/{token}": {
    access: "public",
    request: async (fx) => ({
      url: `/api/invitations/${(await createInvitation(fx.server)).token}`,
      deniedUrl: `/api/invitations/${"A".repeat(43)}`,
    }),
  },
  "POST /api/invitations/accept": {
    access: "signed-in",
    throwaway: true,
    request: async (fx) => ({
      url: "/api/invitations/accept",
      body: { token: (await createInvitation(fx.server)).token },
    }),
  },
  "GET /api/workspaces/{wid}/maps": {
    access: "viewer",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/maps` }),
  },
  "POST /api/workspaces/{wid}/maps": {
    access: "editor",
    request: async (fx) => ({
      url: `/api/workspaces/${wid(fx)}/maps`,
      body: { map: (await currentMap(fx.server, fx.mapId)).map },
    }),
  },
  "GET /api/maps/{id}": { access: "viewer", request: (fx) => ({ url: mapUrl(fx) }) },
  "PUT /api/maps/{id}": {
    access: "editor",
    request: async (fx) => {
      const { map, revision } = await currentMap(fx.server, fx.mapId);
      return {
        url: mapUrl(fx),
        body: { map: { ...map, title: `${SECRET} map edited` }, baseRevision: revision },
      };
    },
  },
  "DELETE /api/maps/{id}": {
    access: "editor",
    request: async (fx) => ({ url: `/api/maps/${await createMap(fx.server)}` }),
  },
  "POST /api/maps/{id}/review": {
    access: "editor",
    request: (fx) => ({ url: `${mapUrl(fx)}/review`, body: {} }),
  },
  "POST /api/maps/{id}/template": {
    access: "editor",
    request: (fx) => ({ url: `${mapUrl(fx)}/template`, body: { name: `${SECRET} template` } }),
  },
  "GET /api/maps/{id}/versions": { access: "viewer", request: (fx) => ({ url: `${mapUrl(fx)}/versions` }) },
  "GET /api/maps/{id}/versions/{rev}": {
    access: "viewer",
    request: (fx) => ({ url: `${mapUrl(fx)}/versions/1` }),
  },
  "PUT /api/maps/{id}/versions/{rev}": {
    access: "editor",
    request: (fx) => ({ url: `${mapUrl(fx)}/versions/1`, body: { name: "Draft" } }),
  },
  "POST /api/maps/{id}/versions/{rev}/restore": {
    access: "editor",
    request: async (fx) => ({
      url: `${mapUrl(fx)}/versions/1/restore`,
      body: { baseRevision: (await currentMap(fx.server, fx.mapId)).revision },
    }),
  },
  "GET /api/maps/{id}/comments": {
    access: "viewer",
    request: (fx) => ({ url: `${mapUrl(fx)}/comments?state=all` }),
  },
  "POST /api/maps/{id}/comments": {
    access: "commenter",
    request: (fx) => ({ url: `${mapUrl(fx)}/comments`, body: { target: { kind: "map" }, body: "Hello" } }),
  },
  "GET /api/maps/{id}/comments/counts": {
    access: "viewer",
    request: (fx) => ({ url: `${mapUrl(fx)}/comments/counts` }),
  },
  // Editing is for the author only; the matrix's author is the owner, so others are refused.
  "PATCH /api/comments/{id}": {
    access: "owner",
    request: (fx) => ({ url: `/api/comments/${fx.commentId}`, body: { body: `${SECRET} comment` } }),
  },
  // Deleting: the author or an owner. The matrix's author is the owner.
  "DELETE /api/comments/{id}": {
    access: "owner",
    request: async (fx) => ({ url: `/api/comments/${await createComment(fx.server, fx.mapId)}` }),
  },
  "POST /api/comments/{id}/resolve": {
    access: "commenter",
    request: (fx) => ({ url: `/api/comments/${fx.commentId}/resolve` }),
  },
  "POST /api/comments/{id}/reopen": {
    access: "commenter",
    request: (fx) => ({ url: `/api/comments/${fx.commentId}/reopen` }),
  },
  "GET /api/maps/{id}/activity": { access: "editor", request: (fx) => ({ url: `${mapUrl(fx)}/activity` }) },
  "GET /api/workspaces/{wid}/activity": {
    access: "editor",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/activity` }),
  },
  "POST /api/maps/{id}/share-links": {
    access: "editor",
    request: (fx) => ({ url: `${mapUrl(fx)}/share-links`, body: {} }),
  },
  "GET /api/maps/{id}/share-links": {
    access: "editor",
    request: (fx) => ({ url: `${mapUrl(fx)}/share-links` }),
  },
  "DELETE /api/maps/{id}/share-links/{linkId}": {
    access: "editor",
    request: async (fx) => ({
      url: `${mapUrl(fx)}/share-links/${(await createShareLink(fx.server, fx.mapId)).id}`,
    }),
  },
  "POST /api/shared/{token}": {
    access: "share-token",
    request: async (fx) => ({
      url: `/api/shared/${(await createShareLink(fx.server, fx.mapId)).token}`,
      body: {},
      deniedUrl: `/api/shared/${"A".repeat(43)}`,
    }),
  },
  "GET /api/workspaces/{wid}/personas": {
    access: "viewer",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/personas` }),
  },
  "POST /api/workspaces/{wid}/personas": {
    access: "editor",
    request: (fx) => ({
      url: `/api/workspaces/${wid(fx)}/personas`,
      body: { schemaVersion: 1, name: "New" },
    }),
  },
  "GET /api/personas/{id}": { access: "viewer", request: (fx) => ({ url: `/api/personas/${fx.personaId}` }) },
  "PUT /api/personas/{id}": {
    access: "editor",
    request: async (fx) => {
      const persona = (await fx.server.call("GET", `/api/personas/${fx.personaId}`)).json;
      return { url: `/api/personas/${fx.personaId}`, body: { ...persona, occupation: "Pilot" } };
    },
  },
  "DELETE /api/personas/{id}": {
    access: "editor",
    request: async (fx) => ({ url: `/api/personas/${await createPersona(fx.server)}` }),
  },
  "GET /api/maps/{id}/export": {
    access: "viewer",
    request: (fx) => ({ url: `${mapUrl(fx)}/export?format=json` }),
  },
  "POST /api/workspaces/{wid}/import": {
    access: "editor",
    request: (fx) => ({
      url: `/api/workspaces/${wid(fx)}/import?format=json&filename=copy.json`,
      body: fx.exportedMap,
    }),
  },
  "GET /api/workspaces/{wid}/events/summary": {
    access: "viewer",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/events/summary` }),
  },
  "GET /api/workspaces/{wid}/events/properties": {
    access: "viewer",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/events/properties?event=visit` }),
  },
  "POST /api/workspaces/{wid}/imports/preview": {
    access: "editor",
    request: (fx) => ({
      url: `/api/workspaces/${wid(fx)}/imports/preview?filename=shop.csv`,
      body: funnelEventsCsv(),
    }),
  },
  "POST /api/workspaces/{wid}/imports": {
    access: "editor",
    request: (fx) => ({
      url: `/api/workspaces/${wid(fx)}/imports?filename=shop.csv`,
      body: "person,time,event\n",
    }),
    settle: (fx, answer) => waitForImport(fx.server, answer.json.id),
  },
  "GET /api/workspaces/{wid}/imports": {
    access: "viewer",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/imports` }),
  },
  "GET /api/workspaces/{wid}/imports/{importId}": {
    access: "viewer",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/imports/${fx.importId}` }),
  },
  "POST /api/maps/{id}/funnel": {
    access: "viewer",
    request: (fx) => ({ url: `${mapUrl(fx)}/funnel`, body: {} }),
  },
  "POST /api/maps/{id}/paths": {
    access: "viewer",
    request: (fx) => ({ url: `${mapUrl(fx)}/paths`, body: {} }),
  },
  "POST /api/maps/{id}/compare": {
    access: "viewer",
    request: (fx) => ({
      url: `${mapUrl(fx)}/compare`,
      body: {
        periodA: { from: Date.UTC(2024, 5, 1), to: Date.UTC(2024, 5, 15) },
        periodB: { from: Date.UTC(2024, 5, 15), to: Date.UTC(2024, 6, 1) },
      },
    }),
  },
  "GET /api/workspaces/{wid}/write-key": {
    access: "editor",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/write-key` }),
  },
  "POST /api/workspaces/{wid}/write-key/rotate": {
    access: "editor",
    request: (fx) => ({ url: `/api/workspaces/${wid(fx)}/write-key/rotate` }),
  },
  "POST /api/capture": {
    access: "write-key",
    request: async (fx) => ({
      url: "/api/capture",
      body: { type: "track", event: "visit", anonymousId: "p1" },
      // Read now: the rotate route's check changes the key.
      headers: basic((await fx.server.call("GET", `/api/workspaces/${wid(fx)}/write-key`)).json.writeKey),
    }),
  },
};

/** URLs whose query or path a member's request is refused for (400), for the routes without a JSON body. */
const INVALID_URLS: Record<string, (fx: Fixtures) => string> = {
  "GET /api/maps/{id}/comments": (fx) => `${mapUrl(fx)}/comments?state=some`,
  "GET /api/maps/{id}/export": (fx) => `${mapUrl(fx)}/export?format=doc`,
  "GET /api/maps/{id}/versions/{rev}": (fx) => `${mapUrl(fx)}/versions/first`,
  "POST /api/workspaces/{wid}/import": (fx) => `/api/workspaces/${wid(fx)}/import?format=doc`,
  "GET /api/workspaces/{wid}/events/properties": (fx) => `/api/workspaces/${wid(fx)}/events/properties`,
  "POST /api/workspaces/{wid}/imports/preview": (fx) => `/api/workspaces/${wid(fx)}/imports/preview`,
  "POST /api/workspaces/{wid}/imports": (fx) => `/api/workspaces/${wid(fx)}/imports?filename=`,
};

const isJsonObject = (body: unknown) => typeof body === "object" && body !== null;

describe.each(testBackends())("permission matrix on $name", (backend) => {
  let server: TestServer;
  let fx: Fixtures;
  const actors = new Map<string, Caller>();
  let operations: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(backend);
    for (const role of ["editor", "commenter", "viewer"] as const)
      actors.set(role, await server.member(role));
    actors.set("owner", server.owner);
    const elsewhere = await server.call("POST", "/api/workspaces", { name: "Elsewhere" });
    actors.set("outsider", await server.member("owner", elsewhere.json.id));
    const mapId = await createMap(server);
    const base = `/api/workspaces/${server.workspaceId}`;
    const started = await server.call("POST", `${base}/imports?filename=shop.csv`, funnelEventsCsv());
    await waitForImport(server, started.json.id);
    fx = {
      server,
      mapId,
      personaId: await createPersona(server),
      commentId: await createComment(server, mapId),
      importId: started.json.id,
      exportedMap: JSON.stringify((await server.call("GET", `/api/maps/${mapId}/export?format=json`)).json),
    };
    await createShareLink(server, mapId);
    await createInvitation(server);
    const doc = (await server.anonymous.call("GET", "/api/openapi.json")).json;
    operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("classifies every operation of the OpenAPI document", () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const operation of operations) {
      expect(MATRIX[operation], `classify route ${operation} in the matrix`).toBeDefined();
    }
  });

  const send = (caller: { call: Caller["call"] }, method: string, request: Request, url = request.url) =>
    caller.call(method, url, request.body, request.headers);

  const expectDenied = (answer: Answer, who: string, operation: string) => {
    const where = `${operation} as ${who}: ${answer.status} ${JSON.stringify(answer.json)}`;
    if (who === "anonymous") expect(answer.status, where).toBe(401);
    else expect([401, 403, 404], where).toContain(answer.status);
    expect(JSON.stringify(answer.json ?? ""), where).not.toContain(SECRET);
  };

  const expectAllowed = (answer: Answer, who: string, operation: string) => {
    const where = `${operation} as ${who}: ${answer.status} ${JSON.stringify(answer.json)}`;
    expect([401, 403], where).not.toContain(answer.status);
    expect(answer.status, where).toBeLessThan(500);
  };

  it.each(Object.keys(MATRIX))("%s", async (operation) => {
    const entry = MATRIX[operation] as RouteCase;
    const [method = "GET"] = operation.split(" ");
    const request = await entry.request(fx);
    const before = method === "GET" ? "" : await snapshotWorkspace(server, [fx.mapId]);
    const denied: Array<[string, { call: Caller["call"] }, string?]> = [];
    const access = entry.access;
    if (access === "public" || access === "share-token") {
      if (request.deniedUrl) denied.push(["anonymous", server.anonymous, request.deniedUrl]);
    } else if (access === "write-key") {
      denied.push(["anonymous", server.anonymous], ["owner without the key", server.owner]);
    } else {
      denied.push(["anonymous", server.anonymous]);
      if (access !== "signed-in") {
        denied.push(["outsider", actors.get("outsider") as Caller]);
        for (const role of ROLE_ORDER.slice(0, ROLE_ORDER.indexOf(access)))
          denied.push([role, actors.get(role) as Caller]);
      }
    }
    for (const [who, caller, url] of denied) {
      const headers = access === "write-key" ? {} : request.headers;
      const answer = await caller.call(method, url ?? request.url, request.body, headers);
      if (who === "owner without the key") expect([401, 403], operation).toContain(answer.status);
      else if (url) expect(answer.status, `${operation} with an unknown token`).toBe(404);
      else expectDenied(answer, who, operation);
    }
    if (method !== "GET")
      expect(await snapshotWorkspace(server, [fx.mapId]), `${operation} denied wrote`).toBe(before);

    const allow = async (caller: { call: Caller["call"] }, who: string) => {
      const answer = await send(caller, method, request);
      expectAllowed(answer, who, operation);
      await entry.settle?.(fx, answer);
    };
    const least = access === "signed-in" || !ROLE_ORDER.includes(access as Role) ? null : (access as Role);
    if (entry.throwaway) {
      await allow(await server.member("viewer"), "a member");
    } else if (least === null) {
      const caller = access === "signed-in" ? (actors.get("viewer") as Caller) : server.anonymous;
      await allow(caller, access);
    } else if (method === "GET") {
      for (const role of ROLE_ORDER.slice(ROLE_ORDER.indexOf(least))) {
        await allow(actors.get(role) as Caller, role);
      }
    } else {
      await allow(actors.get(least) as Caller, least);
    }
  });

  it("refuses a member of another workspace before it validates the request, whatever that holds", async () => {
    const outsider = actors.get("outsider") as Caller;
    const checked: string[] = [];
    for (const [operation, entry] of Object.entries(MATRIX)) {
      if (!ROLE_ORDER.includes(entry.access as Role)) continue;
      const [method = "GET"] = operation.split(" ");
      const invalidUrl = INVALID_URLS[operation];
      if (!invalidUrl && (method === "GET" || method === "DELETE")) continue;
      const request = await entry.request(fx);
      const invalid = invalidUrl
        ? { url: invalidUrl(fx), body: request.body }
        : isJsonObject(request.body) && { url: request.url, body: [] };
      if (!invalid) continue;
      const asOwner = await server.call(method, invalid.url, invalid.body);
      expect(asOwner.status, `${operation} as owner: the request must be invalid`).toBe(400);
      const asOutsider = await outsider.call(method, invalid.url, invalid.body);
      expect(asOutsider.status, `${operation} as outsider: ${JSON.stringify(asOutsider.json)}`).toBe(403);
      checked.push(operation);
    }
    expect(checked.length, checked.join(", ")).toBeGreaterThan(20);
  });

  it("a member of another workspace is refused with an unknown id too (no existence oracle)", async () => {
    const outsider = actors.get("outsider") as Caller;
    const known = await outsider.call("GET", `/api/maps/${fx.mapId}`);
    const unknown = await outsider.call("GET", `/api/maps/${FOREIGN_ID}`);
    expect([403, 404]).toContain(known.status);
    expect([403, 404]).toContain(unknown.status);
  });

  describe("the live channel /api/live/:mapId", () => {
    const openLive = (cookie: string | undefined, origin = server.url) =>
      new Promise<{ opened: boolean; code: number }>((resolve) => {
        const headers = { origin, ...(cookie ? { cookie } : {}) };
        const socket = new WebSocket(`${liveUrl(server.url)}/${fx.mapId}`, { headers });
        socket.once("message", () => {
          resolve({ opened: true, code: 0 });
          socket.close();
        });
        socket.once("close", (code) => resolve({ opened: false, code }));
        socket.once("error", () => resolve({ opened: false, code: -1 }));
      });

    it("lets every role of the workspace in and keeps everyone else out", async () => {
      for (const role of ROLE_ORDER) {
        expect(await openLive((actors.get(role) as Caller).cookie), role).toEqual({ opened: true, code: 0 });
      }
      expect((await openLive(undefined)).code).toBe(4401);
      expect((await openLive((actors.get("outsider") as Caller).cookie)).code).toBe(4403);
      expect((await openLive(server.owner.cookie, "https://evil.example")).code).toBe(4403);
    });
  });
});
