import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors.js";
import { openStore } from "./open-store.js";
import type { Store } from "./store.js";
import { addMember, hashToken, inDays, invite, PASSWORD_HASH, warmUp } from "./team-fixtures.test-support.js";
import { testBackends } from "./test-databases.js";

const owner = { email: "owner@example.test", name: "Olga Owner", passwordHash: PASSWORD_HASH };

function session(id: string, userId: string, expiresAt = inDays(30)) {
  return { id, userId, csrfToken: `csrf-${id}`, createdAt: new Date().toISOString(), expiresAt };
}

describe.each(testBackends())("accounts on $name", (backend) => {
  let cleanup: () => Promise<void>;
  let store: Store;
  let workspaceId: string;

  beforeEach(async () => {
    const created = await backend.create();
    cleanup = created.cleanup;
    store = await openStore(created.config);
    workspaceId = (await store.createWorkspace("Demo workspace")).id;
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("sets up the first user as owner of every ownerless workspace, once", async () => {
    const second = await store.createWorkspace("Second");
    expect(await store.accounts.countUsers()).toBe(0);

    const user = await store.accounts.createFirstUser(owner);
    expect(user).toMatchObject({ email: owner.email, name: owner.name });
    expect(await store.accounts.countUsers()).toBe(1);
    expect((await store.accounts.rolesOf(user.id)).map((r) => [r.workspaceId, r.role])).toEqual([
      [workspaceId, "owner"],
      [second.id, "owner"],
    ]);

    const again = store.accounts.createFirstUser({ ...owner, email: "late@example.test" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(/already set up/);
    expect(await store.accounts.countUsers()).toBe(1);
  });

  it("lets exactly one of two racing set-ups win", async () => {
    await warmUp(store);
    const results = await Promise.allSettled([
      store.accounts.createFirstUser({ ...owner, email: "alice@example.test" }),
      store.accounts.createFirstUser({ ...owner, email: "bob@example.test" }),
      store.accounts.createFirstUser({ ...owner, email: "carol@example.test" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === "rejected")) {
      expect(lost.reason).toBeInstanceOf(ConflictError);
    }
    expect(await store.accounts.countUsers()).toBe(1);
    const members = await store.members.listMembers(workspaceId);
    expect(members.map((m) => m.role)).toEqual(["owner"]);
  });

  it("finds users by email and id, renames them and refuses unknown ids", async () => {
    const user = await store.accounts.createFirstUser(owner);
    expect(await store.accounts.findUserByEmail(owner.email)).toEqual({
      ...user,
      passwordHash: PASSWORD_HASH,
    });
    expect(await store.accounts.findUserByEmail("nobody@example.test")).toBeNull();
    expect(await store.accounts.getUser(user.id)).toMatchObject({ id: user.id, passwordHash: PASSWORD_HASH });
    await expect(store.accounts.getUser("missing")).rejects.toBeInstanceOf(NotFoundError);

    expect(await store.accounts.updateUserName(user.id, "  Olga K. ")).toEqual({ ...user, name: "Olga K." });
    await expect(store.accounts.updateUserName(user.id, " ")).rejects.toMatchObject({
      message: "name: must not be empty",
      location: "name",
    });
    await expect(store.accounts.updateUserName("missing", "X")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("finds live sessions only and deletes them one by one or all at once", async () => {
    const user = await store.accounts.createFirstUser(owner);
    const now = new Date().toISOString();
    const s1 = session("s1", user.id);
    await store.accounts.createSession(s1);
    await store.accounts.createSession(session("s2", user.id));
    await store.accounts.createSession(session("old", user.id, "2020-01-01T00:00:00.000Z"));

    expect(await store.accounts.findSession("s1", now)).toEqual({ session: s1, user });
    expect(await store.accounts.findSession("old", now)).toBeNull();
    expect(await store.accounts.findSession("unknown", now)).toBeNull();

    await store.accounts.deleteSession("s1");
    expect(await store.accounts.findSession("s1", now)).toBeNull();
    expect(await store.accounts.findSession("s2", now)).not.toBeNull();
    await store.accounts.deleteSessionsOfUser(user.id);
    expect(await store.accounts.findSession("s2", now)).toBeNull();
  });

  it("changes the password and ends every other session", async () => {
    const user = await store.accounts.createFirstUser(owner);
    const now = new Date().toISOString();
    for (const id of ["here", "laptop", "phone"]) await store.accounts.createSession(session(id, user.id));

    await store.accounts.changePassword(user.id, "scrypt$new", "here");
    expect((await store.accounts.getUser(user.id)).passwordHash).toBe("scrypt$new");
    expect(await store.accounts.findSession("here", now)).not.toBeNull();
    expect(await store.accounts.findSession("laptop", now)).toBeNull();
    expect(await store.accounts.findSession("phone", now)).toBeNull();

    await store.accounts.changePassword(user.id, "scrypt$newer", null);
    expect(await store.accounts.findSession("here", now)).toBeNull();
    await expect(store.accounts.changePassword("missing", "x", null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("signs a user up through an invitation, which then is used up", async () => {
    const first = await store.accounts.createFirstUser(owner);
    const tokenHash = await invite(store, workspaceId, "editor", first.id);
    const now = new Date().toISOString();

    const user = await store.accounts.createUserFromInvitation(
      { email: "eva@example.test", name: "Eva", passwordHash: PASSWORD_HASH },
      tokenHash,
      now,
    );
    expect(await store.members.roleOf(workspaceId, user.id)).toBe("editor");
    expect(await store.accounts.rolesOf(user.id)).toEqual([
      expect.objectContaining({ workspaceId, name: "Demo workspace", role: "editor" }),
    ]);

    const reuse = store.accounts.createUserFromInvitation(
      { email: "mallory@example.test", name: "Mallory", passwordHash: PASSWORD_HASH },
      tokenHash,
      now,
    );
    await expect(reuse).rejects.toBeInstanceOf(ValidationError);
    await expect(reuse).rejects.toMatchObject({ location: "invitation" });
    expect(await store.accounts.findUserByEmail("mallory@example.test")).toBeNull();
  });

  it("refuses expired and unknown invitations without creating the user", async () => {
    const first = await store.accounts.createFirstUser(owner);
    const expired = await invite(store, workspaceId, "viewer", first.id, inDays(1));
    const later = inDays(2);
    for (const tokenHash of [expired, hashToken("unknown")]) {
      await expect(
        store.accounts.createUserFromInvitation(
          { email: "late@example.test", name: "Late", passwordHash: PASSWORD_HASH },
          tokenHash,
          later,
        ),
      ).rejects.toMatchObject({ code: "validation_failed", location: "invitation" });
    }
    expect(await store.accounts.countUsers()).toBe(1);
  });

  it("refuses a taken email and leaves the invitation unused", async () => {
    const first = await store.accounts.createFirstUser(owner);
    const tokenHash = await invite(store, workspaceId, "viewer", first.id);
    const now = new Date().toISOString();
    await expect(
      store.accounts.createUserFromInvitation({ ...owner, name: "Copy" }, tokenHash, now),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.members.findInvitation(tokenHash, now)).not.toBeNull();
    await store.accounts.createUserFromInvitation(
      { email: "new@example.test", name: "New", passwordHash: PASSWORD_HASH },
      tokenHash,
      now,
    );
  });

  it("lets exactly one of two racing sign-ups use an invitation", async () => {
    const first = await store.accounts.createFirstUser(owner);
    const tokenHash = await invite(store, workspaceId, "commenter", first.id);
    const now = new Date().toISOString();
    await warmUp(store);
    const results = await Promise.allSettled(
      ["a", "b", "c"].map((name) =>
        store.accounts.createUserFromInvitation(
          { email: `${name}@example.test`, name, passwordHash: PASSWORD_HASH },
          tokenHash,
          now,
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === "rejected")) {
      expect(lost.reason).toBeInstanceOf(ValidationError);
    }
    expect(await store.accounts.countUsers()).toBe(2);
    expect(await store.members.listMembers(workspaceId)).toHaveLength(2);
  });

  it("lists a user's workspaces oldest first", async () => {
    const first = await store.accounts.createFirstUser(owner);
    const member = await addMember(store, workspaceId, "viewer", first.id);
    const own = await store.members.createWorkspaceOwnedBy("Mine", member.id);
    expect(await store.accounts.rolesOf(member.id)).toEqual([
      expect.objectContaining({ workspaceId, role: "viewer" }),
      { workspaceId: own.id, name: "Mine", createdAt: own.createdAt, role: "owner" },
    ]);
    expect(await store.accounts.rolesOf("nobody")).toEqual([]);
  });
});
