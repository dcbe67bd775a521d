import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { type Caller, setUpOwner, TEST_PASSWORD } from "../routes/test-server.test-support.js";
import { type RunningServer, startServer } from "../start.js";

/** The headers every answer must carry, whatever produced it: the API, a static file, an error. */
function expectSecurityHeaders(headers: Headers, what: string): void {
  const csp = headers.get("content-security-policy") ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = "", ...values]) => [name, values]),
  );
  const scripts = directives.get("script-src") ?? directives.get("default-src");
  expect(scripts, `${what}: script-src in "${csp}"`).toBeDefined();
  expect(scripts, `${what}: no inline scripts`).not.toContain("'unsafe-inline'");
  expect(scripts, `${what}: no eval`).not.toContain("'unsafe-eval'");
  expect(directives.get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(directives.get("object-src"), `${what}: object-src`).toEqual(["'none'"]);
  expect(headers.get("x-content-type-options"), `${what}: nosniff`).toBe("nosniff");
  expect(headers.get("x-powered-by"), `${what}: X-Powered-By`).toBeNull();
}

describe("security headers and cookies", () => {
  let server: RunningServer;
  let owner: Caller;
  const dirs: string[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "tropa-headers-"));
    const webDir = mkdtempSync(path.join(tmpdir(), "tropa-headers-web-"));
    dirs.push(dataDir, webDir);
    mkdirSync(path.join(webDir, "assets"));
    writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Tropa</title>");
    writeFileSync(path.join(webDir, "assets", "app.js"), "export {};");
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir });
    server = await startServer({ ...config, webDir });
    owner = await setUpOwner(server.url);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const fetchRaw = (url: string, init: RequestInit = {}) => fetch(`${server.url}${url}`, init);

  it.each([
    ["the API", "/api/health", {}],
    ["the OpenAPI document", "/api/openapi.json", {}],
    ["the index page", "/", {}],
    ["a deep link", "/maps/abc", {}],
    ["a script", "/assets/app.js", {}],
    ["a missing asset", "/assets/missing.js", {}],
    ["401 of a private route", "/api/workspaces", {}],
    ["404 of an unknown API path", "/api/nothing-here", {}],
    ["404 of an unknown share link", "/api/shared/unknown", { method: "POST", body: "{}" }],
    [
      "400 of invalid JSON",
      "/api/auth/sign-in",
      { method: "POST", body: "{ nope", headers: { "content-type": "application/json" } },
    ],
  ] as Array<[string, string, RequestInit]>)("%s has the security headers", async (what, url, init) => {
    const response = await fetchRaw(url, init);
    await response.arrayBuffer();
    expectSecurityHeaders(response.headers, `${what} (${response.status})`);
  });

  it("a signed-in 403 and 404 have the security headers", async () => {
    const headers = { cookie: owner.cookie, "x-tropa-csrf": "wrong", "content-type": "application/json" };
    const refused = await fetchRaw("/api/workspaces", { method: "POST", headers, body: '{"name":"X"}' });
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused.headers, "403");
    const missing = await fetchRaw("/api/maps/0123456789abcdef0123", {
      headers: { cookie: owner.cookie },
    });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers, "404");
  });

  it("sets the session cookie HttpOnly and SameSite, and clears it the same way", async () => {
    const signedIn = await fetchRaw("/api/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: owner.email, password: TEST_PASSWORD }),
    });
    expect(signedIn.status).toBe(200);
    const signOutHeaders = { cookie: owner.cookie, "x-tropa-csrf": owner.csrfToken };
    const signedOut = await fetchRaw("/api/auth/sign-out", { method: "POST", headers: signOutHeaders });
    expect(signedOut.status).toBe(204);
    const cookies = [...signedIn.headers.getSetCookie(), ...signedOut.headers.getSetCookie()];
    expect(cookies.length).toBeGreaterThanOrEqual(2);
    for (const cookie of cookies) {
      expect(cookie, cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie, cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
      expect(cookie, cookie).toMatch(/;\s*Path=\//i);
    }
  });
});
