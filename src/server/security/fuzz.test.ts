import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../store/test-databases.js";
import {
  type Answer,
  type Json,
  startTestServer,
  type TestServer,
} from "../routes/test-server.test-support.js";
import {
  createComment,
  createInvitation,
  createMap,
  createPersona,
  createShareLink,
} from "./security-fixtures.test-support.js";
import { snapshotWorkspace } from "./workspace-snapshot.test-support.js";

const SEED = 20_261_124;
const RUNS_PER_ROUTE = 6;

/** Routes that need no session, so they take no CSRF token either (the contract's public list). */
const PUBLIC_WRITES = new Set([
  "POST /api/auth/setup",
  "POST /api/auth/sign-in",
  "POST /api/auth/sign-up",
  "POST /api/shared/{token}",
  "POST /api/capture",
]);

/** Path parameters that are not ids at all: traversal, SQL, NUL, very long, non-Latin. */
const HOSTILE_IDS = [
  "..%2F..%2Fetc%2Fpasswd",
  "%27%3B%20DROP%20TABLE%20maps%3B--",
  "%00",
  "x".repeat(3000),
  encodeURIComponent("ид-🙂-\u202e"),
  "__proto__",
  "constructor",
  "-1",
  "1e309",
];

const FIELD_NAMES = [
  "name",
  "email",
  "password",
  "role",
  "map",
  "baseRevision",
  "body",
  "target",
  "mentions",
  "parentId",
  "title",
  "token",
  "expiresAt",
  "expiresInDays",
  "schemaVersion",
  "personaId",
  "periodA",
  "from",
  "to",
  "kind",
  "id",
  "lang",
  "templateId",
  "currentPassword",
  "newPassword",
  "invitation",
  "personas",
  "top",
  "breakdown",
];

interface Operation {
  method: string;
  path: string;
  json: boolean;
}

interface HostileRequest {
  body: string;
  contentType: string;
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Bodies a careless or hostile client could send, as raw text with a content type. */
const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({
  body: fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc
      .dictionary(fc.constantFrom(...FIELD_NAMES), fc.anything({ maxDepth: 3, withNullPrototype: false }), {
        maxKeys: 6,
      })
      .map((value) => JSON.stringify(value) ?? "{}"),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 200, max: 5000 }).map(nested),
    fc.constantFrom(
      '{"__proto__":{"polluted":true,"role":"owner"}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"name":"x","__proto__":{"isAdmin":true}}',
      `{"name":"${"x".repeat(200_000)}"}`,
      '{"name":"\\ud800\\u0000\\u202e"}',
      '{"baseRevision":"1","role":["owner"],"map":[]}',
      "[]",
      "null",
      '"text"',
      "{",
      "",
    ),
  ),
  contentType: fc.constantFrom(
    "application/json",
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
  ),
});

/** What an error answer may show: a code and a message for the user, never how the server is built. */
function expectCleanError(answer: Answer, what: string): void {
  const where = `${what}: ${answer.status} ${JSON.stringify(answer.json)?.slice(0, 400)}`;
  expect(answer.status, where).toBeLessThan(500);
  if (answer.status < 400) return;
  expect(typeof answer.json?.error?.code, where).toBe("string");
  expect(typeof answer.json?.error?.message, where).toBe("string");
  const text = JSON.stringify(answer.json);
  expect(text, where).not.toMatch(
    /node_modules|\/work\/|\/src\/|\.ts:\d|\.js:\d|\bat [\w.<>]+ \(|stack|SQLITE_|syntax error at/i,
  );
}

describe.each(testBackends())("fuzzing every JSON endpoint on $name", (backend) => {
  let server: TestServer;
  let operations: Operation[] = [];
  let mapIds: string[] = [];
  const realIds = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer(backend);
    const mapId = await createMap(server);
    mapIds = [mapId];
    const victim = await server.member("viewer");
    realIds.set("wid", server.workspaceId);
    realIds.set("uid", victim.userId);
    realIds.set("rev", "1");
    realIds.set("importId", "0123456789abcdef0123");
    realIds.set("linkId", (await createShareLink(server, mapId)).id);
    realIds.set("token", (await createShareLink(server, mapId)).token);
    const doc = (await server.anonymous.call("GET", "/api/openapi.json")).json;
    operations = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        json: Boolean(op.requestBody?.content?.["application/json"]),
      })),
    );
    realIds.set("personaId", await createPersona(server));
    realIds.set("commentId", await createComment(server, mapId));
    realIds.set("invitationId", (await createInvitation(server)).id);
    realIds.set("mapId", mapId);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  /** The real id for a path parameter: `{id}` means a map, a persona, a comment or an invitation by path. */
  const realIdFor = (path: string, name: string): string => {
    if (name !== "id") return realIds.get(name) ?? "unknown";
    if (path.startsWith("/api/personas")) return realIds.get("personaId") as string;
    if (path.startsWith("/api/comments")) return realIds.get("commentId") as string;
    if (path.includes("/invitations/")) return realIds.get("invitationId") as string;
    return realIds.get("mapId") as string;
  };

  const fill = (path: string, pick: (name: string) => string) =>
    path.replace(/\{(\w+)\}/g, (_match, name: string) => pick(name));

  it("fuzzes each JSON endpoint: never a 5xx, clean errors, and a rejected request writes nothing", async () => {
    const targets = operations.filter((operation) => operation.json);
    expect(targets.length).toBeGreaterThan(20);
    const statuses = new Set<number>();
    for (const operation of targets) {
      let before = await snapshotWorkspace(server, mapIds);
      await fc.assert(
        fc.asyncProperty(
          hostileRequest,
          fc.boolean(),
          fc.constantFrom(...HOSTILE_IDS),
          async (request, realPath, hostileId) => {
            const url = fill(operation.path, (name) =>
              realPath ? realIdFor(operation.path, name) : hostileId,
            );
            const what = `${operation.method} ${url.slice(0, 200)} ${request.contentType} ${request.body.slice(0, 120)}`;
            const answer = await server.call(operation.method, url, request.body, {
              "content-type": request.contentType,
            });
            statuses.add(answer.status);
            expectCleanError(answer, what);
            const after = await snapshotWorkspace(server, mapIds);
            if (answer.status >= 400) expect(after, `${what} was rejected but wrote`).toBe(before);
            before = after;
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    // The bodies reached the validators (400) and, now and then, a handler (2xx).
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, 120_000);

  it("refuses every cookie-authenticated write without the right CSRF token, writing nothing", async () => {
    const writes = operations.filter(
      (operation) =>
        operation.method !== "GET" && !PUBLIC_WRITES.has(`${operation.method} ${operation.path}`),
    );
    expect(writes.length).toBeGreaterThan(20);
    const noToken = server.callWith({ cookie: server.owner.cookie });
    const wrongToken = server.callWith({ cookie: server.owner.cookie, csrfToken: "A".repeat(43) });
    const before = await snapshotWorkspace(server, mapIds);
    for (const operation of writes) {
      const url = fill(operation.path, (name) => realIdFor(operation.path, name));
      for (const [how, call] of [
        ["without a token", noToken],
        ["with a wrong token", wrongToken],
      ] as const) {
        const answer = await call(operation.method, url, {});
        const where = `${operation.method} ${url} ${how}: ${answer.status} ${JSON.stringify(answer.json)}`;
        expect(answer.status, where).toBe(403);
        expect(answer.json.error.code, where).toBe("csrf_failed");
      }
    }
    expect(await snapshotWorkspace(server, mapIds)).toBe(before);
  }, 60_000);
});
