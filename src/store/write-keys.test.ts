import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../domain/errors.js";
import { openStore } from "./open-store.js";
import type { Store } from "./store.js";
import { testBackends } from "./test-databases.js";

describe.each(testBackends())("write keys on $name", (backend) => {
  let cleanup: () => Promise<void>;
  let store: Store;
  let workspaceId: string;

  beforeEach(async () => {
    const created = await backend.create();
    cleanup = created.cleanup;
    store = await openStore(created.config);
    workspaceId = (await store.createWorkspace("Team")).id;
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("creates one key on first use, even when asked twice at once, and finds its workspace", async () => {
    const [first, second] = await Promise.all([
      store.getWriteKey(workspaceId),
      store.getWriteKey(workspaceId),
    ]);
    expect(first).toMatch(/^wk_[A-Za-z0-9_-]{32}$/);
    expect(second).toBe(first);
    expect(await store.getWriteKey(workspaceId)).toBe(first);
    expect(await store.findWorkspaceByWriteKey(first)).toBe(workspaceId);
  });

  it("gives each workspace its own key", async () => {
    const other = await store.createWorkspace("Other");
    const mine = await store.getWriteKey(workspaceId);
    const theirs = await store.getWriteKey(other.id);
    expect(theirs).not.toBe(mine);
    expect(await store.findWorkspaceByWriteKey(theirs)).toBe(other.id);
  });

  it("rotates: the new key works, the old one no longer does", async () => {
    const old = await store.getWriteKey(workspaceId);
    const rotated = await store.rotateWriteKey(workspaceId);
    expect(rotated).not.toBe(old);
    expect(await store.getWriteKey(workspaceId)).toBe(rotated);
    expect(await store.findWorkspaceByWriteKey(old)).toBeNull();
    expect(await store.findWorkspaceByWriteKey(rotated)).toBe(workspaceId);
  });

  it("refuses an unknown workspace", async () => {
    await expect(store.getWriteKey("nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.rotateWriteKey("nope")).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.findWorkspaceByWriteKey("wk_unknown")).toBeNull();
  });
});
