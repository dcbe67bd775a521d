import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../domain/errors.js";
import type { JourneyMap } from "../domain/journey-map.js";
import type { User } from "../domain/team/account.js";
import type { CommentTarget } from "../domain/team/comment.js";
import type { NewComment } from "./comment-store.js";
import type { Store } from "./store.js";
import { addMember, openTeamStore, sampleMap } from "./team-fixtures.test-support.js";
import { testBackends } from "./test-databases.js";

const card: CommentTarget = { kind: "card", id: "c1" };
const stage: CommentTarget = { kind: "stage", id: "s1" };

describe.each(testBackends())("comments on $name", (backend) => {
  let cleanup: () => Promise<void>;
  let store: Store;
  let workspaceId: string;
  let owner: User;
  let map: JourneyMap;

  /** A comment made a second after the previous one, so "oldest first" has one answer. */
  function comment(body: string, extra: Partial<NewComment> = {}): NewComment {
    vi.setSystemTime(Date.now() + 1000);
    return { mapId: map.id, target: card, parentId: null, authorId: owner.id, body, mentions: [], ...extra };
  }

  beforeEach(async () => {
    ({ store, workspaceId, owner, cleanup } = await openTeamStore(backend));
    map = sampleMap();
    await store.createMap(workspaceId, map);
    vi.useFakeTimers({ toFake: ["Date"] });
  });

  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
    await cleanup();
  });

  it("adds a comment with its author and mentions and reads it back", async () => {
    const eva = await addMember(store, workspaceId, "commenter", owner.id, "Eva");
    const added = await store.comments.addComment(
      comment("  Is this <b>right</b>? @Eva ", { authorId: eva.id, mentions: [owner.id] }),
    );
    expect(added).toEqual({
      id: expect.any(String),
      mapId: map.id,
      target: card,
      parentId: null,
      author: { id: eva.id, name: "Eva" },
      body: "Is this <b>right</b>? @Eva",
      mentions: [owner.id],
      createdAt: expect.any(String),
      editedAt: null,
      resolvedAt: null,
      resolvedBy: null,
    });
    expect(await store.comments.getComment(added.id)).toEqual({ ...added, workspaceId });
    await expect(store.comments.getComment("missing")).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.comments.addComment(comment("  "))).rejects.toMatchObject({ location: "body" });
    await expect(store.comments.addComment({ ...comment("x"), mapId: "missing" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("attaches replies, and replies to replies, to the thread's first comment and its target", async () => {
    const root = await store.comments.addComment(comment("Root", { target: stage }));
    const reply = await store.comments.addComment(comment("Reply", { parentId: root.id }));
    const nested = await store.comments.addComment(comment("Nested", { parentId: reply.id, target: card }));
    expect(reply).toMatchObject({ parentId: root.id, target: stage });
    expect(nested).toMatchObject({ parentId: root.id, target: stage });
  });

  it("refuses a parent that is unknown or on another map, naming parentId", async () => {
    const other = sampleMap("Other");
    await store.createMap(workspaceId, other);
    const foreign = await store.comments.addComment({ ...comment("Elsewhere"), mapId: other.id });
    for (const parentId of [foreign.id, "missing"]) {
      const adding = store.comments.addComment(comment("Reply", { parentId }));
      await expect(adding).rejects.toBeInstanceOf(NotFoundError);
      await expect(adding).rejects.toThrow(/^parentId: /);
    }
    expect(await store.comments.listComments(map.id, "all")).toEqual([]);
  });

  it("resolves and reopens whole threads, also through a reply, and lists them by state", async () => {
    const open = await store.comments.addComment(comment("Still open"));
    const root = await store.comments.addComment(comment("Done soon"));
    const reply = await store.comments.addComment(comment("Fixed it", { parentId: root.id }));

    const resolved = await store.comments.setResolved(reply.id, owner.id);
    expect(resolved).toMatchObject({ id: root.id, resolvedAt: expect.any(String) });
    expect(resolved.resolvedBy).toEqual({ id: owner.id, name: "Olga" });

    const ids = async (state: "open" | "resolved" | "all") =>
      (await store.comments.listComments(map.id, state)).map((c) => c.id);
    expect(await ids("open")).toEqual([open.id]);
    expect(await ids("resolved")).toEqual([root.id, reply.id]);
    expect(await ids("all")).toEqual([open.id, root.id, reply.id]);

    const reopened = await store.comments.setResolved(root.id, null);
    expect(reopened).toMatchObject({ id: root.id, resolvedAt: null, resolvedBy: null });
    expect(await ids("open")).toEqual([open.id, root.id, reply.id]);
    await expect(store.comments.setResolved("missing", owner.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists each thread's replies right after it, even within one millisecond", async () => {
    vi.setSystemTime(new Date("2030-01-01T00:00:00.000Z"));
    const freeze = (body: string, extra: Partial<NewComment> = {}) => {
      const made = comment(body, extra);
      vi.setSystemTime(new Date("2030-01-01T00:00:00.000Z"));
      return made;
    };
    for (let n = 0; n < 4; n++) {
      const root = await store.comments.addComment(freeze(`Root ${n}`));
      await store.comments.addComment(freeze(`Reply ${n}`, { parentId: root.id }));
    }
    const listed = await store.comments.listComments(map.id, "all");
    expect(listed).toHaveLength(8);
    for (const [index, item] of listed.entries()) {
      if (index % 2 === 0) expect(item.parentId).toBeNull();
      else expect(item.parentId).toBe(listed[index - 1]?.id);
    }
  });

  it("counts open threads per target for the badges", async () => {
    const first = await store.comments.addComment(comment("One"));
    await store.comments.addComment(comment("Reply, not a thread", { parentId: first.id }));
    await store.comments.addComment(comment("Two"));
    await store.comments.addComment(comment("On the stage", { target: stage }));
    await store.comments.addComment(comment("On the map", { target: { kind: "map" } }));
    const done = await store.comments.addComment(comment("Resolved", { target: stage }));
    await store.comments.setResolved(done.id, owner.id);

    const counts = await store.comments.openCounts(map.id);
    expect(counts).toHaveLength(3);
    expect(counts).toEqual(
      expect.arrayContaining([
        { target: card, count: 2 },
        { target: stage, count: 1 },
        { target: { kind: "map" }, count: 1 },
      ]),
    );
  });

  it("edits a comment and marks it edited", async () => {
    const added = await store.comments.addComment(comment("Frist"));
    const edited = await store.comments.editComment(added.id, "First", [owner.id]);
    expect(edited).toMatchObject({ body: "First", mentions: [owner.id], editedAt: expect.any(String) });
    await expect(store.comments.editComment(added.id, "", [])).rejects.toMatchObject({ location: "body" });
    await expect(store.comments.editComment("missing", "x", [])).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deletes a reply alone and a first comment with its replies", async () => {
    const root = await store.comments.addComment(comment("Root"));
    const keep = await store.comments.addComment(comment("Keep", { parentId: root.id }));
    const drop = await store.comments.addComment(comment("Drop", { parentId: root.id }));
    await store.comments.deleteComment(drop.id);
    expect((await store.comments.listComments(map.id, "all")).map((c) => c.id)).toEqual([root.id, keep.id]);

    await store.comments.deleteComment(root.id);
    expect(await store.comments.listComments(map.id, "all")).toEqual([]);
    await expect(store.comments.getComment(keep.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.comments.deleteComment(root.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deletes a map's comments with the map", async () => {
    const root = await store.comments.addComment(comment("Root"));
    await store.comments.addComment(comment("Reply", { parentId: root.id }));
    await store.deleteMap(map.id);
    await expect(store.comments.getComment(root.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.comments.listComments(map.id, "all")).toEqual([]);
  });
});
