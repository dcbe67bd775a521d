import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyMap } from "../domain/journey-map.js";
import { testBackends } from "../store/test-databases.js";
import { loadConfig } from "./config.js";
import { type Caller, setUpOwner } from "./routes/test-server.test-support.js";
import { type RunningServer, startServer } from "./start.js";

/**
 * The server answers 413 before reading the whole body and then drops the connection, so the oversized
 * request gets a connection of its own instead of poisoning fetch's shared keep-alive pool.
 */
function postOnFreshConnection(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", ...headers },
    });
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => {
        text += String(chunk);
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    // The server may close while the rest of the body is still being written; the response is what matters.
    request.on("error", (error) => reject(error));
    request.end(body);
  });
}

/** RFC 5987 percent-encoding: encodeURIComponent plus the ' ( ) * it leaves alone. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

interface Json {
  // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary response JSON
  [key: string]: any;
}

describe.each(testBackends())("HTTP API on $name", (backend) => {
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let webDir: string;
  let workspaceId: string;
  let owner: Caller;

  /** The first visitor's session: every call below is the owner's. */
  const signedIn = (headers: Record<string, string> = {}) => ({
    cookie: owner.cookie,
    "x-tropa-csrf": owner.csrfToken,
    ...headers,
  });

  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: signedIn(body === undefined ? headers : { "content-type": "application/json", ...headers }),
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("application/json");
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: (isJson ? JSON.parse(text) : null) as Json,
    };
  };

  const createFromTemplate = async () => {
    const templates = (await call("GET", "/api/templates")).json;
    const template = templates.find((t: Json) => t.kind === "model");
    const created = await call("POST", `/api/workspaces/${workspaceId}/maps`, {
      templateId: template.id,
      lang: "en",
    });
    expect(created.status).toBe(201);
    return created.json as { map: JourneyMap; revision: number };
  };

  beforeAll(async () => {
    const created = await backend.create();
    cleanup = created.cleanup;
    webDir = mkdtempSync(path.join(tmpdir(), "tropa-web-"));
    mkdirSync(path.join(webDir, "assets"));
    writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Tropa UI</title>");
    writeFileSync(path.join(webDir, "assets", "app.js"), "console.info('ui')");
    const dataDir = created.config.dataDir || mkdtempSync(path.join(tmpdir(), "tropa-unused-"));
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, MAX_BODY_BYTES: "1048576" });
    server = await startServer({ ...config, databaseUrl: created.config.databaseUrl, webDir });
    owner = await setUpOwner(server.url);
    workspaceId = (await call("GET", "/api/workspaces")).json[0].id;
    // The first start seeds the demo workspace and its events, which takes seconds on a busy machine.
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await cleanup?.();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("reports health and the store in use, with strict security headers", async () => {
    const response = await call("GET", "/api/health");
    expect(response.json).toEqual({ status: "ok", store: backend.name });
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves the OpenAPI 3.1 document with every resource", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json;
    expect(doc.openapi).toBe("3.1.0");
    for (const route of [
      "/api/health",
      "/api/templates",
      "/api/workspaces/{wid}/maps",
      "/api/maps/{id}",
      "/api/maps/{id}/versions/{rev}/restore",
      "/api/personas/{id}",
      "/api/maps/{id}/export",
      "/api/workspaces/{wid}/import",
    ]) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
  });

  it("seeds the demo workspace with example maps in both languages", async () => {
    const workspaces = (await call("GET", "/api/workspaces")).json;
    expect(workspaces.map((w: Json) => w.name)).toEqual(["Demo workspace"]);
    const maps = (await call("GET", `/api/workspaces/${workspaceId}/maps`)).json as Json[];
    expect(new Set(maps.map((m) => m.lang))).toEqual(new Set(["en", "ru"]));
  });

  it("lists each map with its funnel preview, so the map list needs no full maps", async () => {
    const created = await call("POST", `/api/workspaces/${workspaceId}/maps`, {
      templateId: "example-subscription-club",
      lang: "en",
    });
    const summaries = (await call("GET", `/api/workspaces/${workspaceId}/maps`)).json as Json[];
    const preview = summaries.find((s) => s.id === created.json.map.id)?.preview;
    expect(preview.counts).toEqual([10000, 200, 50, 10, null, 7]);
    expect(preview.keyBarrier).toMatchObject({ from: "Saw the ad", to: "Landing", conversion: 2 });
    expect(preview.levels).toHaveLength(6);
  });

  it("creates a map from a template, then reads, saves and lists it", async () => {
    const { map, revision } = await createFromTemplate();
    expect(revision).toBe(1);
    const loaded = await call("GET", `/api/maps/${map.id}`);
    expect(loaded.json).toMatchObject({ map, revision: 1, workspaceId });

    const saved = await call("PUT", `/api/maps/${map.id}`, {
      map: { ...map, title: "Renamed" },
      baseRevision: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(2);
    const summaries = (await call("GET", `/api/workspaces/${workspaceId}/maps`)).json as Json[];
    expect(summaries.find((s) => s.id === map.id)).toMatchObject({ title: "Renamed", revision: 2 });
  });

  it("answers a stale save with 409 and the current revision", async () => {
    const { map } = await createFromTemplate();
    await call("PUT", `/api/maps/${map.id}`, { map: { ...map, title: "Mine" }, baseRevision: 1 });
    const stale = await call("PUT", `/api/maps/${map.id}`, {
      map: { ...map, title: "Theirs" },
      baseRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", currentRevision: 2 });
    expect(stale.json.error.message).toMatch(/changed elsewhere.*revision 2.*reload/);
    expect((await call("GET", `/api/maps/${map.id}`)).json.map.title).toBe("Mine");
  });

  it("lists, names and restores versions", async () => {
    const { map } = await createFromTemplate();
    await call("PUT", `/api/maps/${map.id}`, { map: { ...map, title: "Second" }, baseRevision: 1 });
    const versions = (await call("GET", `/api/maps/${map.id}/versions`)).json as Json[];
    expect(versions.map((v) => v.revision)).toEqual([2, 1]);

    const named = await call("PUT", `/api/maps/${map.id}/versions/1`, { name: "Workshop draft" });
    expect(named.json).toMatchObject({ revision: 1, name: "Workshop draft" });
    const old = await call("GET", `/api/maps/${map.id}/versions/1`);
    expect(old.json).toMatchObject({ revision: 1, name: "Workshop draft", map: { title: map.title } });

    const restored = await call("POST", `/api/maps/${map.id}/versions/1/restore`, { baseRevision: 2 });
    expect(restored.status).toBe(200);
    expect(restored.json).toMatchObject({ revision: 3, map: { title: map.title } });
    const stale = await call("POST", `/api/maps/${map.id}/versions/1/restore`, { baseRevision: 2 });
    expect(stale.status).toBe(409);
  });

  it("marks a map reviewed", async () => {
    const { map } = await createFromTemplate();
    const reviewed = await call("POST", `/api/maps/${map.id}/review`);
    expect(reviewed.status).toBe(200);
    expect(reviewed.json.revision).toBe(2);
    expect(Date.now() - Date.parse(reviewed.json.map.lastReviewedAt)).toBeLessThan(60_000);
    const summary = ((await call("GET", `/api/workspaces/${workspaceId}/maps`)).json as Json[]).find(
      (s) => s.id === map.id,
    );
    expect(summary).toMatchObject({ reviewOverdue: false, lastReviewedAt: reviewed.json.map.lastReviewedAt });
    const stale = await call("POST", `/api/maps/${map.id}/review`, { baseRevision: 1 });
    expect(stale.status).toBe(409);
  });

  it("creates, reads, replaces and deletes personas", async () => {
    const created = await call("POST", `/api/workspaces/${workspaceId}/personas`, {
      schemaVersion: 1,
      name: "Olga",
      age: 34,
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(created.json).toMatchObject({ name: "Olga", age: 34, color: "#6366f1" });

    const replaced = await call("PUT", `/api/personas/${id}`, { ...created.json, occupation: "Accountant" });
    expect(replaced.json).toMatchObject({ id, occupation: "Accountant" });
    expect((await call("GET", `/api/personas/${id}`)).json.occupation).toBe("Accountant");
    const listed = (await call("GET", `/api/workspaces/${workspaceId}/personas`)).json as Json[];
    expect(listed.map((p) => p.id)).toContain(id);

    expect((await call("DELETE", `/api/personas/${id}`)).status).toBe(204);
    expect((await call("GET", `/api/personas/${id}`)).status).toBe(404);
  });

  it("names the invalid field in a 400", async () => {
    const { map } = await createFromTemplate();
    const stages = map.stages.map((s, i) => (i === 0 ? { ...s, name: "" } : s));
    const response = await call("PUT", `/api/maps/${map.id}`, { map: { ...map, stages }, baseRevision: 1 });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: {
        code: "validation_failed",
        message: "map.stages.0.name: must not be empty",
        field: "map.stages.0.name",
      },
    });
    expect((await call("GET", `/api/maps/${map.id}`)).json.revision).toBe(1);
  });

  it("stores markup in user text verbatim and returns it as JSON data", async () => {
    const { map } = await createFromTemplate();
    const title = `<img src=x onerror="alert(1)"><script>alert('x')</script> & co`;
    await call("PUT", `/api/maps/${map.id}`, { map: { ...map, title }, baseRevision: 1 });
    const loaded = await call("GET", `/api/maps/${map.id}`);
    expect(loaded.headers.get("content-type")).toContain("application/json");
    expect(loaded.json.map.title).toBe(title);
  });

  it("refuses an oversized body with 413 and stores nothing", async () => {
    const before = (await call("GET", `/api/workspaces/${workspaceId}/maps`)).json.length;
    const { map } = await createFromTemplate();
    const huge = JSON.stringify({ map: { ...map, description: "x".repeat(2 * 1024 * 1024) } });
    const response = await postOnFreshConnection(
      `${server.url}/api/workspaces/${workspaceId}/maps`,
      huge,
      signedIn(),
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe("payload_too_large");
    expect((await call("GET", `/api/workspaces/${workspaceId}/maps`)).json.length).toBe(before + 1);
  });

  it("answers malformed JSON with 400", async () => {
    const response = await call("POST", `/api/workspaces/${workspaceId}/maps`, "{ not json");
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/JSON/);
  });

  it("answers a map from a newer Tropa with 422", async () => {
    const { map } = await createFromTemplate();
    const response = await call("PUT", `/api/maps/${map.id}`, {
      map: { ...map, schemaVersion: 99 },
      baseRevision: 1,
    });
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("unsupported_version");
    expect(response.json.error.message).toMatch(/schemaVersion 99 is not supported/);
  });

  it("answers unknown things with 404", async () => {
    expect((await call("GET", "/api/maps/nope")).json.error).toEqual({
      code: "not_found",
      message: "map nope not found",
    });
    expect((await call("GET", "/api/workspaces/nope/maps")).status).toBe(404);
    expect((await call("GET", "/api/personas/nope")).status).toBe(404);
    expect((await call("DELETE", "/api/maps/nope")).status).toBe(404);
    expect((await call("GET", "/api/nothing-here")).status).toBe(404);
    const { map } = await createFromTemplate();
    expect((await call("GET", `/api/maps/${map.id}/versions/7`)).status).toBe(404);
  });

  it("deletes a map with its versions", async () => {
    const { map } = await createFromTemplate();
    expect((await call("DELETE", `/api/maps/${map.id}`)).status).toBe(204);
    expect((await call("GET", `/api/maps/${map.id}`)).status).toBe(404);
    expect((await call("GET", `/api/maps/${map.id}/versions`)).status).toBe(404);
  });

  it("saves a map as a workspace template and creates maps from it", async () => {
    const { map } = await createFromTemplate();
    const template = await call("POST", `/api/maps/${map.id}/template`, { name: "Our onboarding" });
    expect(template.status).toBe(201);
    const listed = (await call("GET", `/api/templates?workspaceId=${workspaceId}`)).json as Json[];
    expect(listed.find((t) => t.id === template.json.id)).toMatchObject({ source: "workspace" });
    const created = await call("POST", `/api/workspaces/${workspaceId}/maps`, {
      templateId: template.json.id,
    });
    expect(created.status).toBe(201);
    expect(created.json.map.id).not.toBe(map.id);
    expect(created.json.map.stages).toEqual(map.stages);
  });

  it("exports JSON and imports it back as a new map", async () => {
    const { map } = await createFromTemplate();
    const exported = await fetch(`${server.url}/api/maps/${map.id}/export?format=json`, {
      headers: signedIn(),
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("attachment;");
    const bytes = new Uint8Array(await exported.arrayBuffer());

    const imported = await fetch(
      `${server.url}/api/workspaces/${workspaceId}/import?format=json&filename=map.json`,
      {
        method: "POST",
        headers: signedIn(),
        body: bytes,
      },
    );
    expect(imported.status).toBe(201);
    const body = (await imported.json()) as Json;
    expect(body.map.id).not.toBe(map.id);
    expect({ ...body.map, id: map.id }).toEqual(map);
  });

  it("exports a Russian map as XLSX under its own name and imports it back", async () => {
    const maps = (await call("GET", `/api/workspaces/${workspaceId}/maps`)).json as Json[];
    const russian = maps.find((m) => m.lang === "ru");
    const exported = await fetch(`${server.url}/api/maps/${russian?.id}/export?format=xlsx`, {
      headers: signedIn(),
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${rfc5987(russian?.title)}.xlsx`,
    );
    const imported = await fetch(
      `${server.url}/api/workspaces/${workspaceId}/import?format=xlsx&filename=map.xlsx`,
      {
        method: "POST",
        headers: signedIn(),
        body: new Uint8Array(await exported.arrayBuffer()),
      },
    );
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as Json).map.title).toBe(russian?.title);
  });

  it("serves the web UI with a fallback to index.html for client-side routes", async () => {
    const page = await call("GET", "/maps/some-map");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>Tropa UI</title>");
    expect((await call("GET", "/assets/app.js")).text).toContain("console.info");
    expect((await call("GET", "/api/unknown")).json.error.code).toBe("not_found");
  });
});
