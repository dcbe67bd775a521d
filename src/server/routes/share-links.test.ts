import { createHash } from "node:crypto";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyMap } from "../../domain/journey-map.js";
import { testBackends } from "../../store/test-databases.js";
import {
  type Answer,
  type Caller,
  type Json,
  startTestServer,
  type TestServer,
} from "./test-server.test-support.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe.each(testBackends())("share links over HTTP on $name", (backend) => {
  let server: TestServer;
  let map: JourneyMap;
  let editor: Caller;
  let commenter: Caller;
  let viewer: Caller;

  const createMap = async (title: string): Promise<JourneyMap> => {
    const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/maps`, {
      templateId: "model-online-product",
      lang: "en",
    });
    expect(created.status).toBe(201);
    const saved = { ...(created.json.map as JourneyMap), title };
    const put = await server.call("PUT", `/api/maps/${saved.id}`, {
      map: saved,
      baseRevision: created.json.revision,
    });
    expect(put.status).toBe(200);
    return saved;
  };

  const createPersona = async (name: string): Promise<string> => {
    const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/personas`, {
      schemaVersion: 1,
      name,
    });
    expect(created.status).toBe(201);
    return created.json.id as string;
  };

  const share = (caller: { call: TestServer["call"] }, body: Json = {}, mapId = map.id) =>
    caller.call("POST", `/api/maps/${mapId}/share-links`, body);
  const open = (token: string, body?: Json) => server.anonymous.call("POST", `/api/shared/${token}`, body);
  const liveLinks = async (mapId = map.id) =>
    (await server.call("GET", `/api/maps/${mapId}/share-links`)).json as Json[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    const used = await createPersona("Used persona");
    await createPersona("Persona of another map");
    map = await createMap("Shared map");
    map = { ...map, personaIds: [used] };
    const revision = (await server.call("GET", `/api/maps/${map.id}`)).json.revision;
    expect((await server.call("PUT", `/api/maps/${map.id}`, { map, baseRevision: revision })).status).toBe(
      200,
    );
    editor = await server.member("editor");
    commenter = await server.member("commenter");
    viewer = await server.member("viewer");
  });

  afterAll(async () => {
    await server?.close();
  });

  it("creates a link whose token is shown once, with a ready-to-copy url and a hint", async () => {
    const created = await share(server);
    expect(created.status).toBe(201);
    const token = created.json.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.json).toMatchObject({
      mapId: map.id,
      tokenHint: token.slice(-4),
      hasPassword: false,
      expiresAt: null,
      createdBy: { id: server.owner.userId, name: "Owner" },
      url: `${server.url}/#/shared/${token}`,
    });

    const listed = (await liveLinks()).find((link) => link.id === created.json.id);
    expect(listed).toMatchObject({ tokenHint: token.slice(-4), hasPassword: false });
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it("lets editors and owners share, list and revoke, and refuses commenters and viewers", async () => {
    const byEditor = await share(editor);
    expect(byEditor.status).toBe(201);
    expect(byEditor.json.createdBy).toMatchObject({ id: editor.userId });
    expect((await editor.call("GET", `/api/maps/${map.id}/share-links`)).status).toBe(200);

    for (const refused of [commenter, viewer]) {
      expect((await share(refused)).status).toBe(403);
      expect((await refused.call("GET", `/api/maps/${map.id}/share-links`)).status).toBe(403);
      const revoke = await refused.call("DELETE", `/api/maps/${map.id}/share-links/${byEditor.json.id}`);
      expect(revoke.status).toBe(403);
    }
    expect((await server.anonymous.call("GET", `/api/maps/${map.id}/share-links`)).status).toBe(401);

    const revoked = await editor.call("DELETE", `/api/maps/${map.id}/share-links/${byEditor.json.id}`);
    expect(revoked.status).toBe(204);
    expect((await liveLinks()).map((link) => link.id)).not.toContain(byEditor.json.id);
  });

  it("opens the map without a cookie, with only the personas it uses and nothing else", async () => {
    const other = await createMap("Another map of the workspace");
    const { token } = (await share(server)).json;

    const opened = await open(token);
    expect(opened.status).toBe(200);
    expect(Object.keys(opened.json).sort()).toEqual(["map", "personas", "updatedAt"]);
    expect(opened.json.map).toEqual(map);
    expect(opened.json.personas.map((persona: Json) => persona.name)).toEqual(["Used persona"]);
    expect(JSON.stringify(opened.json)).not.toContain(other.id);
    expect(JSON.stringify(opened.json)).not.toContain(server.workspaceId);

    expect(opened.headers.get("cache-control")).toBe("no-store");
    expect(opened.headers.get("referrer-policy")).toBe("no-referrer");
    expect(opened.headers.get("set-cookie")).toBeNull();
  });

  it("answers revoked, expired, unknown and malformed tokens with one and the same 404", async () => {
    const unknown = await open("A".repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const malformed = await open("not a token");
    expect(malformed).toMatchObject({ status: 404, json: unknown.json });

    const revokedLink = (await share(server)).json;
    expect((await open(revokedLink.token)).status).toBe(200);
    expect((await server.call("DELETE", `/api/maps/${map.id}/share-links/${revokedLink.id}`)).status).toBe(
      204,
    );
    expect(await open(revokedLink.token)).toMatchObject({ status: 404, json: unknown.json });
    const again = await server.call("DELETE", `/api/maps/${map.id}/share-links/${revokedLink.id}`);
    expect(again.status).toBe(404);

    const expiring = await share(server, { expiresAt: inSeconds(1) });
    expect(expiring.status).toBe(201);
    expect((await open(expiring.json.token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await open(expiring.json.token)).toMatchObject({ status: 404, json: unknown.json });
    expect((await liveLinks()).map((link) => link.id)).not.toContain(expiring.json.id);
  });

  it("refuses an expiry in the past, naming the field, and keeps a future one", async () => {
    const past = await share(server, { expiresAt: inSeconds(-60) });
    expect(past.status).toBe(400);
    expect(past.json.error.field).toBe("expiresAt");
    const malformed = await share(server, { expiresAt: "next week" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.field).toBe("expiresAt");

    const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const created = await share(server, { expiresAt: nextWeek });
    expect(created.json.expiresAt).toBe(nextWeek);
  });

  it("does not let a link id of one map be revoked through another map", async () => {
    const other = await createMap("Other map");
    const link = (await share(server)).json;
    expect((await server.call("DELETE", `/api/maps/${other.id}/share-links/${link.id}`)).status).toBe(404);
    expect((await open(link.token)).status).toBe(200);
  });

  it("asks for the password of a protected link and tells a wrong one apart", async () => {
    const created = await share(server, { password: "open sesame" });
    expect(created.json.hasPassword).toBe(true);
    const { token } = created.json;

    const without = await open(token);
    expect(without.status).toBe(401);
    expect(without.json.error.code).toBe("password_required");
    expect((await open(token, { password: "" })).json.error.code).toBe("password_required");
    const wrong = await open(token, { password: "open sesame!" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe("wrong_password");
    const right = await open(token, { password: "open sesame" });
    expect(right.status).toBe(200);
    expect(right.json.map.id).toBe(map.id);

    // An empty password means no password at all.
    expect((await share(server, { password: "" })).json.hasPassword).toBe(false);
  });

  it("slows down password guessing at one link with 429 and Retry-After", async () => {
    const { token } = (await share(server, { password: "the real one" })).json;
    let last: Answer | undefined;
    for (let attempt = 0; attempt < 25; attempt++) {
      last = await open(token, { password: `guess ${attempt}` });
      if (last.status === 429) break;
      expect(last.json.error.code).toBe("wrong_password");
    }
    expect(last?.status).toBe(429);
    expect(last?.json.error.code).toBe("rate_limited");
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await open(token, { password: "the real one" })).status).toBe(429);
  });

  it("keeps only the token's sha256 in the database", async () => {
    const created = (await share(server, { password: "hidden words" })).json;
    const store = await server.openStore();
    try {
      const now = new Date().toISOString();
      expect(await store.shareLinks.findShareLink(created.token, now)).toBeNull();
      const found = await store.shareLinks.findShareLink(sha256(created.token), now);
      expect(found?.id).toBe(created.id);
      expect(found?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(found?.passwordHash).not.toContain("hidden words");
    } finally {
      await store.close();
    }
    if (backend.name !== "sqlite") return;
    const database = new SqliteDatabase(path.join(server.dataDir, "tropa.db"), { readonly: true });
    try {
      const rows = JSON.stringify(database.prepare("SELECT * FROM share_links").all());
      expect(rows).toContain(sha256(created.token));
      expect(rows).not.toContain(created.token);
      expect(rows).not.toContain("hidden words");
    } finally {
      database.close();
    }
  });
});
