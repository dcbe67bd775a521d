import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../server/auth/password-hash.js";
import { openStore } from "../../store/open-store.js";
import { runTropa } from "../run-tropa.test-support.js";

describe("tropa reset-password", () => {
  let cwd: string;

  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), "tropa-reset-"));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  async function withStore<T>(use: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
    const store = await openStore({ dataDir: path.join(cwd, "data") });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  it("gives the user a new password that works, and ends every session they had", async () => {
    const userId = await withStore(async (store) => {
      const user = await store.accounts.createFirstUser({
        email: "olga@example.test",
        name: "Olga",
        passwordHash: await hashPassword("forgotten password"),
      });
      const now = new Date();
      await store.accounts.createSession({
        id: "a".repeat(64),
        userId: user.id,
        csrfToken: "csrf",
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      });
      return user.id;
    });

    const run = await runTropa(cwd, ["reset-password", "  Olga@Example.test "]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const password = /New password for olga@example\.test: (\S+)/.exec(run.stdout)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(12);

    await withStore(async (store) => {
      const stored = await store.accounts.getUser(userId);
      expect(await verifyPassword(password, stored.passwordHash)).toBe(true);
      expect(await verifyPassword("forgotten password", stored.passwordHash)).toBe(false);
      expect(await store.accounts.findSession("a".repeat(64), new Date().toISOString())).toBeNull();
    });
  });

  it("names the email when no account has it, and changes nothing", async () => {
    const run = await runTropa(cwd, ["reset-password", "nobody@example.test"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("tropa: email: no account has the email nobody@example.test\n");
    expect(run.stdout).toBe("");

    const malformed = await runTropa(cwd, ["reset-password", "not-an-email"]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^tropa: email: must be an email address/);
  });
});
