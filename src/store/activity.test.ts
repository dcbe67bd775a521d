import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import type { User } from "../domain/team/account.js";
import type { NewActivity } from "./activity-store.js";
import type { Store } from "./store.js";
import { addMember, openTeamStore } from "./team-fixtures.test-support.js";
import { testBackends } from "./test-databases.js";

const T0 = new Date("2030-05-01T12:00:00.000Z");

describe.each(testBackends())("activity on $name", (backend) => {
  let cleanup: () => Promise<void>;
  let store: Store;
  let workspaceId: string;
  let owner: User;

  function entry(extra: Partial<NewActivity> = {}): NewActivity {
    return {
      workspaceId,
      mapId: "m1",
      actorId: owner.id,
      action: "map.edited",
      details: { title: "Buying a sofa", changes: [{ kind: "card-added", stage: "Search" }] },
      ...extra,
    };
  }

  /** Moves the store's clock (Date only; timers and the database drivers keep running). */
  function at(ms: number) {
    vi.setSystemTime(new Date(T0.getTime() + ms));
  }

  beforeEach(async () => {
    ({ store, workspaceId, owner, cleanup } = await openTeamStore(backend));
    vi.useFakeTimers({ toFake: ["Date"] });
    at(0);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
    await cleanup();
  });

  it("records an entry with its actor and details", async () => {
    const recorded = await store.activity.recordActivity(entry());
    expect(recorded).toEqual({
      id: expect.any(String),
      workspaceId,
      mapId: "m1",
      actor: { id: owner.id, name: "Olga" },
      action: "map.edited",
      details: entry().details,
      createdAt: T0.toISOString(),
    });
    const system = await store.activity.recordActivity(entry({ actorId: null, mapId: null }));
    expect(system).toMatchObject({ actor: null, mapId: null });
    await expect(store.activity.recordActivity(entry({ workspaceId: "missing" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("merges a burst of the same actor, map and action into one line", async () => {
    const first = await store.activity.recordOrMergeActivity(entry({ details: { n: 1 } }), 60_000);
    at(30_000);
    const merged = await store.activity.recordOrMergeActivity(entry({ details: { n: 2 } }), 60_000);
    expect(merged).toMatchObject({
      id: first.id,
      details: { n: 2 },
      createdAt: new Date(T0.getTime() + 30_000).toISOString(),
    });

    const eva = await addMember(store, workspaceId, "editor", owner.id);
    const otherActor = await store.activity.recordOrMergeActivity(entry({ actorId: eva.id }), 60_000);
    const otherMap = await store.activity.recordOrMergeActivity(entry({ mapId: "m2" }), 60_000);
    const otherAction = await store.activity.recordOrMergeActivity(entry({ action: "map.restored" }), 60_000);
    for (const separate of [otherActor, otherMap, otherAction]) expect(separate.id).not.toBe(first.id);

    at(30_000 + 60_000);
    const later = await store.activity.recordOrMergeActivity(entry({ details: { n: 3 } }), 60_000);
    expect(later.id).not.toBe(first.id);
    const { entries } = await store.activity.listActivity({ workspaceId, limit: 50 });
    expect(entries).toHaveLength(5);
  });

  it("lists newest first and pages through entries with equal times without losing or repeating one", async () => {
    at(-1000);
    const older = await store.activity.recordActivity(entry({ details: { n: "older" } }));
    at(0);
    for (let n = 0; n < 5; n++) await store.activity.recordActivity(entry({ details: { n } }));
    at(1000);
    const newest = await store.activity.recordActivity(entry({ details: { n: "newest" } }));

    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await store.activity.listActivity({
        workspaceId,
        limit: 2,
        ...(before ? { before } : {}),
      });
      seen.push(...page.entries.map((e) => e.id));
      before = page.next ?? undefined;
      pages++;
    } while (before && pages < 10);

    expect(pages).toBe(4);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe(newest.id);
    expect(seen.at(-1)).toBe(older.id);
  });

  it("lists a map's entries only when asked for a map, and another workspace's never", async () => {
    await store.activity.recordActivity(entry({ mapId: "m1" }));
    await store.activity.recordActivity(entry({ mapId: "m2" }));
    const other = await store.createWorkspace("Other");
    await store.activity.recordActivity(entry({ workspaceId: other.id }));

    expect((await store.activity.listActivity({ workspaceId, limit: 10 })).entries).toHaveLength(2);
    const forMap = await store.activity.listActivity({ workspaceId, mapId: "m2", limit: 10 });
    expect(forMap).toEqual({ entries: [expect.objectContaining({ mapId: "m2" })], next: null });
    const theirs = await store.activity.listActivity({ workspaceId: other.id, mapId: "m1", limit: 10 });
    expect(theirs.entries.map((e) => e.workspaceId)).toEqual([other.id]);
  });

  it("refuses a cursor it did not make and a limit below one", async () => {
    for (const before of ["nonsense", Buffer.from('{"a":1}').toString("base64url")]) {
      const listing = store.activity.listActivity({ workspaceId, before, limit: 10 });
      await expect(listing).rejects.toBeInstanceOf(ValidationError);
      await expect(listing).rejects.toMatchObject({ location: "before" });
    }
    await expect(store.activity.listActivity({ workspaceId, limit: 0 })).rejects.toMatchObject({
      location: "limit",
    });
  });
});
