import type { Comment, CommentTarget } from "../domain/team/comment.js";

export interface NewComment {
  mapId: string;
  target: CommentTarget;
  parentId: string | null;
  authorId: string;
  body: string;
  mentions: string[];
}

export type CommentState = "open" | "resolved" | "all";

/** Comments on maps, their stages and cards. */
export interface CommentStore {
  /** NotFoundError (field `parentId`) when the parent is not a comment of the same map; replies to replies attach to the thread's first comment. */
  addComment(comment: NewComment): Promise<Comment>;
  /** Threads in the given state (a reply follows its thread's state), oldest first. */
  listComments(mapId: string, state: CommentState): Promise<Comment[]>;
  getComment(id: string): Promise<Comment & { workspaceId: string }>;
  editComment(id: string, body: string, mentions: string[]): Promise<Comment>;
  /** Resolves or reopens the thread the comment belongs to; returns the thread's first comment. */
  setResolved(id: string, resolvedBy: string | null): Promise<Comment>;
  /** Deletes the comment and, for a thread's first comment, its replies. */
  deleteComment(id: string): Promise<void>;
  /** Open threads per target on a map, for the badges on stages and cards. */
  openCounts(mapId: string): Promise<Array<{ target: CommentTarget; count: number }>>;
}
