import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/open-store.js";
import { testBackends } from "../../store/test-databases.js";
import { hashSecretToken, newSecretToken } from "../auth/secret-token.js";
import { loadConfig } from "../config.js";
import { type RunningServer, startServer } from "../start.js";
import {
  callerOf,
  sessionCookieOf,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from "./test-server.test-support.js";

const DAY_SECONDS = 24 * 60 * 60;

describe.each(testBackends())("first visitor on $name", (backend) => {
  let server: RunningServer;
  let workspaceId: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const created = await backend.create();
    const dataDir = mkdtempSync(path.join(tmpdir(), "tropa-setup-"));
    const storeConfig = { dataDir, databaseUrl: created.config.databaseUrl };
    const store = await openStore(storeConfig);
    workspaceId = (await store.createWorkspace("Tests")).id;
    await store.close();
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, SESSION_DAYS: "7" });
    server = await startServer({ ...config, databaseUrl: created.config.databaseUrl, webDir: dataDir });
    cleanup = async () => {
      await server.close();
      await created.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    };
  });

  afterAll(async () => {
    await cleanup?.();
  });

  it("creates the owner account once, who then owns the workspace that had no owner", async () => {
    const anonymous = callerOf(server.url, {});
    expect((await anonymous("GET", "/api/auth/state")).json).toEqual({
      setupRequired: true,
      signedIn: false,
    });
    expect((await anonymous("GET", "/api/workspaces")).status).toBe(401);

    const setup = await anonymous("POST", "/api/auth/setup", {
      email: "  Owner@Example.TEST ",
      name: "Anna",
      password: TEST_PASSWORD,
    });
    expect(setup.status).toBe(201);
    expect(setup.json.user).toMatchObject({ email: "owner@example.test", name: "Anna" });
    expect(setup.json.user.passwordHash).toBeUndefined();
    expect(setup.json.workspaces).toEqual([expect.objectContaining({ id: workspaceId, role: "owner" })]);
    const setCookie = setup.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^tropa_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain(`Max-Age=${7 * DAY_SECONDS}`);
    expect(setCookie).not.toContain("Secure");

    const owner = callerOf(server.url, { cookie: sessionCookieOf(setup.headers) ?? "" });
    expect((await owner("GET", "/api/auth/state")).json).toEqual({ setupRequired: false, signedIn: true });

    const again = await anonymous("POST", "/api/auth/setup", {
      email: "intruder@example.test",
      name: "Intruder",
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    expect(
      (
        await anonymous("POST", "/api/auth/sign-in", {
          email: "intruder@example.test",
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(401);
  });
});

describe.each(testBackends())("accounts and sessions over HTTP on $name", (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });

  afterAll(async () => {
    await server?.close();
  });

  it("lets only the public routes through without a session", async () => {
    const anonymous = server.anonymous.call;
    expect((await anonymous("GET", "/api/health")).status).toBe(200);
    expect((await anonymous("GET", "/api/openapi.json")).status).toBe(200);
    expect((await anonymous("GET", "/api/auth/state")).json).toEqual({
      setupRequired: false,
      signedIn: false,
    });
    for (const [method, url] of [
      ["GET", "/api/auth/me"],
      ["GET", "/api/workspaces"],
      ["GET", `/api/workspaces/${server.workspaceId}/maps`],
      ["GET", "/api/templates"],
      ["POST", "/api/workspaces"],
      ["POST", "/api/auth/sign-out"],
      ["GET", "/api/no-such-endpoint"],
    ] as const) {
      const answer = await anonymous(method, url, method === "POST" ? { name: "x" } : undefined);
      expect({ method, url, status: answer.status, code: answer.json.error.code }).toEqual({
        method,
        url,
        status: 401,
        code: "unauthenticated",
      });
    }
    const forged = server.callWith({ cookie: `tropa_session=${newSecretToken()}` });
    expect((await forged("GET", "/api/auth/me")).status).toBe(401);
  });

  it("signs in with email and password, answering Me, replaces the browser's old session, and signs out", async () => {
    const session = await signIn(server.url, "OWNER@example.test");
    const me = await session.call("GET", "/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.json).toEqual({
      user: expect.objectContaining({ id: server.owner.userId, email: "owner@example.test", name: "Owner" }),
      csrfToken: session.csrfToken,
      workspaces: [expect.objectContaining({ id: server.workspaceId, name: "Tests", role: "owner" })],
      mailEnabled: false,
    });

    const again = await session.call("POST", "/api/auth/sign-in", {
      email: session.email,
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(200);
    expect((await session.call("GET", "/api/auth/me")).status).toBe(401);
    const renewed = callerOf(server.url, {
      cookie: sessionCookieOf(again.headers) ?? "",
      csrfToken: again.json.csrfToken,
    });
    expect((await renewed("GET", "/api/auth/me")).status).toBe(200);

    const out = await renewed("POST", "/api/auth/sign-out");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^tropa_session=;.*Max-Age=0/);
    expect((await renewed("GET", "/api/auth/me")).status).toBe(401);
    expect((await server.call("GET", "/api/auth/me")).status).toBe(200);
  });

  it("answers a wrong password and an unknown email alike, with no cookie", async () => {
    const anonymous = server.anonymous.call;
    const wrong = await anonymous("POST", "/api/auth/sign-in", {
      email: "owner@example.test",
      password: "not the password",
    });
    const unknown = await anonymous("POST", "/api/auth/sign-in", {
      email: "nobody@example.test",
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual({
      error: { code: "invalid_credentials", message: "email or password is wrong" },
    });
    expect(unknown.json).toEqual(wrong.json);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(unknown.headers.get("set-cookie")).toBeNull();
  });

  it("refuses writes without the session's CSRF token and writes nothing", async () => {
    const maps = `/api/workspaces/${server.workspaceId}/maps`;
    const before = (await server.call("GET", maps)).json.length;
    const body = { templateId: "model-online-product", lang: "en" };
    const noToken = server.callWith({ cookie: server.owner.cookie });
    const other = await signIn(server.url, server.owner.email);

    expect((await noToken("GET", maps)).status).toBe(200);
    for (const answer of [
      await noToken("POST", maps, body),
      await server.call("POST", maps, body, { "x-tropa-csrf": "wrong" }),
      await server.call("POST", maps, body, { "x-tropa-csrf": other.csrfToken }),
      await noToken("POST", "/api/auth/sign-out-everywhere"),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.json.error.code).toBe("csrf_failed");
    }
    expect((await server.call("GET", maps)).json.length).toBe(before);
    expect((await server.call("GET", "/api/auth/me")).status).toBe(200);
    expect((await server.call("POST", maps, body)).status).toBe(201);
  });

  it("changes the display name", async () => {
    const renamed = await server.call("PATCH", "/api/auth/me", { name: "  Anna Owner " });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toEqual(expect.objectContaining({ id: server.owner.userId, name: "Anna Owner" }));
    expect((await server.call("GET", "/api/auth/me")).json.user.name).toBe("Anna Owner");
    expect((await server.call("PATCH", "/api/auth/me", { name: " " })).json.error.field).toBe("name");
    await server.call("PATCH", "/api/auth/me", { name: "Owner" });
  });

  it("ends every session of the user when asked to sign out everywhere", async () => {
    const member = await server.member("editor");
    const laptop = await signIn(server.url, member.email);
    const out = await member.call("POST", "/api/auth/sign-out-everywhere");
    expect(out.status).toBe(204);
    expect((await member.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await laptop.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await server.call("GET", "/api/auth/me")).status).toBe(200);
    expect((await signIn(server.url, member.email)).userId).toBe(member.userId);
  });

  it("changes the password, ending every other session, and checks the current one", async () => {
    const member = await server.member("viewer");
    const phone = await signIn(server.url, member.email);
    const newPassword = "a brand new passphrase";

    const wrong = await member.call("POST", "/api/auth/password", {
      currentPassword: "not it at all",
      newPassword,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.field).toBe("currentPassword");
    const short = await member.call("POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(short.json.error.field).toBe("newPassword");
    expect((await phone.call("GET", "/api/auth/me")).status).toBe(200);

    const changed = await member.call("POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword,
    });
    expect(changed.status).toBe(204);
    expect((await member.call("GET", "/api/auth/me")).status).toBe(200);
    expect((await phone.call("GET", "/api/auth/me")).status).toBe(401);
    const old = await server.anonymous.call("POST", "/api/auth/sign-in", {
      email: member.email,
      password: TEST_PASSWORD,
    });
    expect(old.status).toBe(401);
    expect((await signIn(server.url, member.email, newPassword)).userId).toBe(member.userId);
  });

  it("refuses an expired session", async () => {
    const token = newSecretToken();
    const store = await server.openStore();
    try {
      await store.accounts.createSession({
        id: hashSecretToken(token),
        userId: server.owner.userId,
        csrfToken: "expired-csrf",
        createdAt: "2026-01-01T00:00:00.000Z",
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
    } finally {
      await store.close();
    }
    const expired = server.callWith({ cookie: `tropa_session=${token}`, csrfToken: "expired-csrf" });
    const answer = await expired("GET", "/api/auth/me");
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe("unauthenticated");
  });

  it("slows down password guessing at one account with 429 and Retry-After", async () => {
    const member = await server.member("viewer");
    const guess = (password: string) =>
      server.anonymous.call("POST", "/api/auth/sign-in", { email: member.email, password });
    for (let i = 0; i < 10; i++) expect((await guess(`guess number ${i}`)).status).toBe(401);
    const limited = await guess("guess number 11");
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right password waits now; other accounts are not affected.
    expect((await guess(TEST_PASSWORD)).status).toBe(429);
    expect((await signIn(server.url, server.owner.email)).userId).toBe(server.owner.userId);
  });
});
