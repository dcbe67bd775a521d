import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../domain/errors.js";
import type { JourneyMap } from "../domain/journey-map.js";
import type { User } from "../domain/team/account.js";
import type { NewShareLink } from "./share-link-store.js";
import type { Store } from "./store.js";
import { hashToken, inDays, openTeamStore, PASSWORD_HASH, sampleMap } from "./team-fixtures.test-support.js";
import { testBackends } from "./test-databases.js";

describe.each(testBackends())("share links on $name", (backend) => {
  let cleanup: () => Promise<void>;
  let store: Store;
  let workspaceId: string;
  let owner: User;
  let map: JourneyMap;

  function link(token: string, extra: Partial<NewShareLink> = {}): NewShareLink {
    return {
      mapId: map.id,
      tokenHash: hashToken(token),
      tokenHint: token.slice(-4),
      passwordHash: null,
      createdBy: owner.id,
      expiresAt: null,
      ...extra,
    };
  }

  beforeEach(async () => {
    ({ store, workspaceId, owner, cleanup } = await openTeamStore(backend));
    map = sampleMap();
    await store.createMap(workspaceId, map);
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("creates links, lists the live ones newest first and finds them by token", async () => {
    const now = new Date().toISOString();
    const open = await store.shareLinks.createShareLink(link("token-open"));
    expect(open).toEqual({
      id: expect.any(String),
      mapId: map.id,
      tokenHint: "open",
      hasPassword: false,
      createdBy: { id: owner.id, name: "Olga" },
      createdAt: expect.any(String),
      expiresAt: null,
    });
    const locked = await store.shareLinks.createShareLink(
      link("token-lock", { passwordHash: PASSWORD_HASH, expiresAt: inDays(3) }),
    );
    expect(locked).toMatchObject({ hasPassword: true, expiresAt: expect.any(String) });
    await store.shareLinks.createShareLink(link("token-past", { expiresAt: "2020-01-01T00:00:00.000Z" }));

    expect((await store.shareLinks.listShareLinks(map.id, now)).map((l) => l.tokenHint).sort()).toEqual([
      "lock",
      "open",
    ]);
    expect(await store.shareLinks.findShareLink(hashToken("token-lock"), now)).toEqual({
      ...locked,
      workspaceId,
      passwordHash: PASSWORD_HASH,
    });
    expect(await store.shareLinks.findShareLink(hashToken("token-past"), now)).toBeNull();
    expect(await store.shareLinks.findShareLink(hashToken("unknown"), now)).toBeNull();
    // The same link stops working once its expiry has passed.
    expect(await store.shareLinks.findShareLink(hashToken("token-lock"), inDays(4))).toBeNull();
    await expect(store.shareLinks.createShareLink({ ...link("x"), mapId: "missing" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("revokes a link so it no longer opens", async () => {
    const created = await store.shareLinks.createShareLink(link("token-revoke"));
    const now = new Date().toISOString();
    await store.shareLinks.revokeShareLink(map.id, created.id, now);
    expect(await store.shareLinks.findShareLink(hashToken("token-revoke"), now)).toBeNull();
    expect(await store.shareLinks.listShareLinks(map.id, now)).toEqual([]);
    await expect(store.shareLinks.revokeShareLink(map.id, created.id, now)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("refuses to revoke a link through another map", async () => {
    const other = sampleMap("Other");
    await store.createMap(workspaceId, other);
    const created = await store.shareLinks.createShareLink(link("token-keep"));
    const now = new Date().toISOString();
    await expect(store.shareLinks.revokeShareLink(other.id, created.id, now)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await store.shareLinks.findShareLink(hashToken("token-keep"), now)).not.toBeNull();
  });

  it("deletes a map's links with the map", async () => {
    await store.shareLinks.createShareLink(link("token-gone"));
    await store.deleteMap(map.id);
    const now = new Date().toISOString();
    expect(await store.shareLinks.findShareLink(hashToken("token-gone"), now)).toBeNull();
    expect(await store.shareLinks.listShareLinks(map.id, now)).toEqual([]);
  });
});
