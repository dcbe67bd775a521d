import { describe, expect, it } from "vitest";
import type { Comment } from "../../domain/team/comment.js";
import { filterThreads, groupByTarget, targetKey, threadsOf } from "./comment-threads.js";

function comment(id: string, fields: Partial<Comment> = {}): Comment {
  return {
    id,
    mapId: "m1",
    target: { kind: "map" },
    parentId: null,
    author: { id: "u1", name: "Anna" },
    body: id,
    mentions: [],
    createdAt: "2025-01-01T00:00:00Z",
    editedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    ...fields,
  };
}

describe("comment threads", () => {
  const card = { kind: "card", id: "c1" } as const;
  const stage = { kind: "stage", id: "s1" } as const;
  const comments = [
    comment("a", { target: card }),
    comment("b", { target: stage, resolvedAt: "2025-01-02T00:00:00Z" }),
    comment("a1", { target: card, parentId: "a", mentions: ["u2"] }),
    comment("c"),
  ];

  it("puts replies under their first comment", () => {
    const threads = threadsOf(comments);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      ["a", ["a1"]],
      ["b", []],
      ["c", []],
    ]);
  });

  it("filters open, resolved and mentioning threads", () => {
    const threads = threadsOf(comments);
    const ids = (filter: "open" | "resolved" | "mentions") =>
      filterThreads(threads, filter, "u2").map((t) => t.root.id);
    expect(ids("open")).toEqual(["a", "c"]);
    expect(ids("resolved")).toEqual(["b"]);
    expect(ids("mentions")).toEqual(["a"]);
  });

  it("groups threads by target in the order the rank gives", () => {
    const rank = (target: Comment["target"]) =>
      ({ map: 0, "stage:s1": 1, "card:c1": 2 })[targetKey(target)] ?? 9;
    const groups = groupByTarget(threadsOf(comments), rank);
    expect(groups.map((g) => [targetKey(g.target), g.threads.length])).toEqual([
      ["map", 1],
      ["stage:s1", 1],
      ["card:c1", 1],
    ]);
  });
});
