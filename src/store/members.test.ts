import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import type { User } from "../domain/team/account.js";
import type { Store } from "./store.js";
import { addMember, hashToken, inDays, invite, openTeamStore, warmUp } from "./team-fixtures.test-support.js";
import { testBackends } from "./test-databases.js";

describe.each(testBackends())("members on $name", (backend) => {
  let cleanup: () => Promise<void>;
  let store: Store;
  let workspaceId: string;
  let owner: User;

  beforeEach(async () => {
    ({ store, workspaceId, owner, cleanup } = await openTeamStore(backend));
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("creates a workspace owned by its creator and renames it", async () => {
    const created = await store.members.createWorkspaceOwnedBy("  Product ", owner.id);
    expect(created.name).toBe("Product");
    expect(await store.getWorkspace(created.id)).toEqual(created);
    expect(await store.members.roleOf(created.id, owner.id)).toBe("owner");

    expect(await store.members.renameWorkspace(created.id, "Growth")).toEqual({ ...created, name: "Growth" });
    await expect(store.members.renameWorkspace(created.id, "")).rejects.toMatchObject({ location: "name" });
    await expect(store.members.renameWorkspace("missing", "X")).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.members.createWorkspaceOwnedBy("X", "nobody")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists members with their roles in the order they joined", async () => {
    const eva = await addMember(store, workspaceId, "editor", owner.id, "Eva");
    expect(await store.members.listMembers(workspaceId)).toEqual([
      { userId: owner.id, email: owner.email, name: "Olga", role: "owner", joinedAt: expect.any(String) },
      { userId: eva.id, email: eva.email, name: "Eva", role: "editor", joinedAt: expect.any(String) },
    ]);
    expect(await store.members.roleOf(workspaceId, eva.id)).toBe("editor");
    expect(await store.members.roleOf(workspaceId, "stranger")).toBeNull();
    await expect(store.members.listMembers("missing")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("changes roles but never demotes the last owner", async () => {
    const eva = await addMember(store, workspaceId, "viewer", owner.id);
    expect(await store.members.changeRole(workspaceId, eva.id, "commenter")).toMatchObject({
      userId: eva.id,
      role: "commenter",
    });

    const demote = store.members.changeRole(workspaceId, owner.id, "editor");
    await expect(demote).rejects.toBeInstanceOf(ValidationError);
    await expect(demote).rejects.toMatchObject({ location: "role" });
    expect(await store.members.roleOf(workspaceId, owner.id)).toBe("owner");

    await store.members.changeRole(workspaceId, eva.id, "owner");
    await store.members.changeRole(workspaceId, owner.id, "editor");
    expect(await store.members.roleOf(workspaceId, owner.id)).toBe("editor");
    await expect(store.members.changeRole(workspaceId, "stranger", "viewer")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  // Repeated, because one round can pass by luck when one transaction happens to commit before the other starts.
  it("keeps an owner when two owners demote each other at once", async () => {
    const eva = await addMember(store, workspaceId, "owner", owner.id);
    for (let round = 0; round < 5; round++) {
      await warmUp(store);
      const results = await Promise.allSettled([
        store.members.changeRole(workspaceId, owner.id, "viewer"),
        store.members.changeRole(workspaceId, eva.id, "viewer"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const roles = (await store.members.listMembers(workspaceId)).map((m) => m.role).sort();
      expect(roles).toEqual(["owner", "viewer"]);
      await store.members.changeRole(workspaceId, owner.id, "owner");
      await store.members.changeRole(workspaceId, eva.id, "owner");
    }
  });

  it("keeps an owner when two owners remove each other at once", async () => {
    for (let round = 0; round < 5; round++) {
      const eva = await addMember(store, workspaceId, "owner", owner.id);
      await warmUp(store);
      const results = await Promise.allSettled([
        store.members.removeMember(workspaceId, owner.id),
        store.members.removeMember(workspaceId, eva.id),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const members = await store.members.listMembers(workspaceId);
      expect(members.map((m) => m.role)).toEqual(["owner"]);
      owner = { ...owner, id: members[0]?.userId ?? "" };
    }
  });

  it("removes members but not the last owner", async () => {
    const eva = await addMember(store, workspaceId, "editor", owner.id);
    await store.members.removeMember(workspaceId, eva.id);
    expect(await store.members.roleOf(workspaceId, eva.id)).toBeNull();
    expect(await store.accounts.rolesOf(eva.id)).toEqual([]);
    await expect(store.members.removeMember(workspaceId, eva.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.members.removeMember(workspaceId, owner.id)).rejects.toMatchObject({
      code: "validation_failed",
      location: "role",
    });
    expect(await store.members.roleOf(workspaceId, owner.id)).toBe("owner");
  });

  it("lists pending invitations newest first, finds and revokes them", async () => {
    const now = new Date().toISOString();
    const viewerHash = await invite(store, workspaceId, "viewer", owner.id);
    const editorHash = await invite(store, workspaceId, "editor", owner.id);
    await invite(store, workspaceId, "viewer", owner.id, "2020-01-01T00:00:00.000Z");
    await addMember(store, workspaceId, "commenter", owner.id);

    const pending = await store.members.listInvitations(workspaceId, now);
    expect(pending.map((i) => i.role).sort()).toEqual(["editor", "viewer"]);
    expect(pending[0]).toMatchObject({ workspaceId, createdBy: { id: owner.id, name: "Olga" } });

    expect(await store.members.findInvitation(editorHash, now)).toMatchObject({
      role: "editor",
      workspaceId,
      workspaceName: "Team",
    });
    expect(await store.members.findInvitation(hashToken("unknown"), now)).toBeNull();

    const viewer = pending.find((i) => i.role === "viewer");
    if (!viewer) throw new Error("the viewer invitation is pending");
    await store.members.revokeInvitation(workspaceId, viewer.id);
    expect(await store.members.findInvitation(viewerHash, now)).toBeNull();
    await expect(store.members.revokeInvitation(workspaceId, viewer.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const other = await store.members.createWorkspaceOwnedBy("Other", owner.id);
    const editor = pending.find((i) => i.role === "editor");
    await expect(store.members.revokeInvitation(other.id, editor?.id ?? "")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      store.members.createInvitation({
        workspaceId: "missing",
        role: "viewer",
        tokenHash: hashToken("x"),
        createdBy: owner.id,
        expiresAt: inDays(1),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets an existing user accept an invitation once", async () => {
    const other = await store.members.createWorkspaceOwnedBy("Other", owner.id);
    const eva = await addMember(store, other.id, "viewer", owner.id);
    const tokenHash = await invite(store, workspaceId, "commenter", owner.id);
    const now = new Date().toISOString();

    expect(await store.members.acceptInvitation(tokenHash, eva.id, now)).toEqual({
      workspaceId,
      role: "commenter",
    });
    expect(await store.members.roleOf(workspaceId, eva.id)).toBe("commenter");
    expect(await store.members.findInvitation(tokenHash, now)).toBeNull();
    const again = store.members.acceptInvitation(tokenHash, eva.id, now);
    await expect(again).rejects.toBeInstanceOf(ValidationError);
    await expect(again).rejects.toMatchObject({ location: "token" });

    const expired = await invite(store, workspaceId, "owner", owner.id, inDays(1));
    await expect(store.members.acceptInvitation(expired, eva.id, inDays(2))).rejects.toMatchObject({
      location: "token",
    });
    expect(await store.members.roleOf(workspaceId, eva.id)).toBe("commenter");
  });

  it("keeps a stronger role and raises a weaker one on accepting", async () => {
    const eva = await addMember(store, workspaceId, "editor", owner.id);
    const now = new Date().toISOString();
    const weaker = await invite(store, workspaceId, "viewer", owner.id);
    expect(await store.members.acceptInvitation(weaker, eva.id, now)).toEqual({
      workspaceId,
      role: "editor",
    });
    expect(await store.members.roleOf(workspaceId, eva.id)).toBe("editor");

    const stronger = await invite(store, workspaceId, "owner", owner.id);
    expect(await store.members.acceptInvitation(stronger, eva.id, now)).toEqual({
      workspaceId,
      role: "owner",
    });
    expect(await store.members.roleOf(workspaceId, eva.id)).toBe("owner");
  });

  it("lets exactly one of two users racing for an invitation join", async () => {
    const other = await store.members.createWorkspaceOwnedBy("Other", owner.id);
    const eva = await addMember(store, other.id, "viewer", owner.id);
    const max = await addMember(store, other.id, "viewer", owner.id);
    const tokenHash = await invite(store, workspaceId, "editor", owner.id);
    const now = new Date().toISOString();
    await warmUp(store);
    const results = await Promise.allSettled([
      store.members.acceptInvitation(tokenHash, eva.id, now),
      store.members.acceptInvitation(tokenHash, max.id, now),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const joined = [
      await store.members.roleOf(workspaceId, eva.id),
      await store.members.roleOf(workspaceId, max.id),
    ];
    expect(joined.filter((role) => role === "editor")).toHaveLength(1);
    expect(joined.filter((role) => role === null)).toHaveLength(1);
  });
});
