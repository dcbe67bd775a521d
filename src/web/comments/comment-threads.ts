import type { Comment, CommentTarget } from "../../domain/team/comment.js";

/** A first comment and its replies, oldest first. */
export interface Thread {
  root: Comment;
  replies: Comment[];
}

export const COMMENT_FILTERS = ["open", "resolved", "mentions"] as const;
export type CommentFilter = (typeof COMMENT_FILTERS)[number];

/** One key per target, for maps of counts and for grouping. */
export function targetKey(target: CommentTarget): string {
  return target.kind === "map" ? "map" : `${target.kind}:${target.id}`;
}

/** Builds threads from a flat list (roots in the order they came, replies under their root). */
export function threadsOf(comments: readonly Comment[]): Thread[] {
  const threads = new Map<string, Thread>();
  for (const comment of comments) {
    if (comment.parentId === null) threads.set(comment.id, { root: comment, replies: [] });
  }
  for (const comment of comments) {
    if (comment.parentId !== null) threads.get(comment.parentId)?.replies.push(comment);
  }
  return [...threads.values()];
}

/** "mentions" keeps the threads in which someone mentioned the user, resolved or not. */
export function filterThreads(threads: readonly Thread[], filter: CommentFilter, userId: string): Thread[] {
  return threads.filter((thread) => {
    if (filter === "open") return thread.root.resolvedAt === null;
    if (filter === "resolved") return thread.root.resolvedAt !== null;
    return [thread.root, ...thread.replies].some((comment) => comment.mentions.includes(userId));
  });
}

export interface TargetGroup {
  target: CommentTarget;
  threads: Thread[];
}

/** Threads grouped by what they are pinned to, groups ordered by `rank` (the target's place on the map). */
export function groupByTarget(
  threads: readonly Thread[],
  rank: (target: CommentTarget) => number,
): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const thread of threads) {
    const key = targetKey(thread.root.target);
    const group = groups.get(key) ?? { target: thread.root.target, threads: [] };
    group.threads.push(thread);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => rank(a.target) - rank(b.target));
}
