import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { NotFoundError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { type Comment, type CommentTarget, commentBodyTextSchema } from "../domain/team/comment.js";
import { validateInput } from "../domain/validate-input.js";
import type { CommentState, CommentStore, NewComment } from "./comment-store.js";
import { personRef } from "./person-ref.js";
import type { CommentTable, Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

const mentionsSchema = z.array(z.string());

/** Comment threads over Kysely, on SQLite or PostgreSQL. A thread is a first comment and its replies. */
export class KyselyCommentStore implements CommentStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async addComment(comment: NewComment): Promise<Comment> {
    const body = validateInput(commentBodyTextSchema, comment.body, "body");
    const id = newId();
    await this.db.transaction().execute(async (tx) => {
      const map = await tx.selectFrom("maps").select("id").where("id", "=", comment.mapId).executeTakeFirst();
      if (!map) throw new NotFoundError(`map ${comment.mapId}`);
      const root =
        comment.parentId === null ? null : await findThreadRoot(tx, comment.mapId, comment.parentId);
      // A reply is pinned where its thread is, whatever target the client sent.
      const target = root ? toTarget(root) : comment.target;
      await tx
        .insertInto("comments")
        .values({
          id,
          map_id: comment.mapId,
          target_kind: target.kind,
          target_id: target.kind === "map" ? null : target.id,
          parent_id: root?.id ?? null,
          author_id: comment.authorId,
          body,
          mentions: JSON.stringify(comment.mentions),
          created_at: new Date().toISOString(),
          edited_at: null,
          resolved_at: null,
          resolved_by: null,
        })
        .execute();
    });
    return this.readComment(id);
  }

  async listComments(mapId: string, state: CommentState): Promise<Comment[]> {
    const rows = await selectComments(this.db)
      .where("comments.map_id", "=", mapId)
      .orderBy("comments.created_at")
      .orderBy("comments.id")
      .execute();
    const comments = inThreadOrder(rows.map(toComment));
    if (state === "all") return comments;
    const resolvedRoots = new Set(comments.filter((c) => c.resolvedAt !== null).map((c) => c.id));
    const wanted = state === "resolved";
    return comments.filter((c) => resolvedRoots.has(c.parentId ?? c.id) === wanted);
  }

  async getComment(id: string): Promise<Comment & { workspaceId: string }> {
    const row = await selectComments(this.db)
      .innerJoin("maps", "maps.id", "comments.map_id")
      .select("maps.workspace_id")
      .where("comments.id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`comment ${id}`);
    return { ...toComment(row), workspaceId: row.workspace_id };
  }

  async editComment(id: string, body: string, mentions: string[]): Promise<Comment> {
    const result = await this.db
      .updateTable("comments")
      .set({
        body: validateInput(commentBodyTextSchema, body, "body"),
        mentions: JSON.stringify(mentions),
        edited_at: new Date().toISOString(),
      })
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`comment ${id}`);
    return this.readComment(id);
  }

  async setResolved(id: string, resolvedBy: string | null): Promise<Comment> {
    const rootId = await this.db.transaction().execute(async (tx) => {
      const comment = await tx
        .selectFrom("comments")
        .select(["id", "parent_id"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!comment) throw new NotFoundError(`comment ${id}`);
      const root = comment.parent_id ?? comment.id;
      await tx
        .updateTable("comments")
        .set({
          resolved_at: resolvedBy === null ? null : new Date().toISOString(),
          resolved_by: resolvedBy,
        })
        .where("id", "=", root)
        .execute();
      return root;
    });
    return this.readComment(rootId);
  }

  async deleteComment(id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      // Replies go explicitly rather than through the foreign key, which SQLite enforces only when enabled.
      await tx.deleteFrom("comments").where("parent_id", "=", id).execute();
      const result = await tx.deleteFrom("comments").where("id", "=", id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new NotFoundError(`comment ${id}`);
    });
  }

  async openCounts(mapId: string): Promise<Array<{ target: CommentTarget; count: number }>> {
    const rows = await this.db
      .selectFrom("comments")
      .select((eb) => ["target_kind", "target_id", eb.fn.countAll<number | string | bigint>().as("count")])
      .where("map_id", "=", mapId)
      .where("parent_id", "is", null)
      .where("resolved_at", "is", null)
      .groupBy(["target_kind", "target_id"])
      .orderBy("target_kind")
      .orderBy("target_id")
      .execute();
    return rows.map((row) => ({ target: toTarget(row), count: Number(row.count) }));
  }

  private async readComment(id: string): Promise<Comment> {
    const { workspaceId: _workspaceId, ...comment } = await this.getComment(id);
    return comment;
  }
}

/**
 * Threads oldest first, each as its first comment followed by its replies oldest first. Sorting by time
 * alone could put a reply before its thread when both carry the same millisecond.
 */
function inThreadOrder(comments: Comment[]): Comment[] {
  const roots = new Map(comments.filter((c) => c.parentId === null).map((c) => [c.id, c]));
  const sortKey = (c: Comment): string[] => {
    const root = roots.get(c.parentId ?? c.id) ?? c;
    return [root.createdAt, root.id, c.parentId === null ? "0" : "1", c.createdAt, c.id];
  };
  return comments
    .map((comment) => ({ comment, key: sortKey(comment) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ comment }) => comment);
}

function compareKeys(a: string[], b: string[]): number {
  for (const [index, part] of a.entries()) {
    const other = b[index] ?? "";
    if (part !== other) return part < other ? -1 : 1;
  }
  return 0;
}

/** The first comment of the thread `parentId` belongs to, on the same map. */
async function findThreadRoot(tx: Db, mapId: string, parentId: string): Promise<CommentTable> {
  const parent = await tx
    .selectFrom("comments")
    .selectAll()
    .where("id", "=", parentId)
    .where("map_id", "=", mapId)
    .executeTakeFirst();
  if (!parent) throw new NotFoundError(`parentId: comment ${parentId} on this map`);
  if (parent.parent_id === null) return parent;
  return tx.selectFrom("comments").selectAll().where("id", "=", parent.parent_id).executeTakeFirstOrThrow();
}

function selectComments(db: Db) {
  return db
    .selectFrom("comments")
    .leftJoin("users as author", "author.id", "comments.author_id")
    .leftJoin("users as resolver", "resolver.id", "comments.resolved_by")
    .selectAll("comments")
    .select(["author.name as author_name", "resolver.name as resolver_name"]);
}

function toComment(
  row: CommentTable & { author_name: string | null; resolver_name: string | null },
): Comment {
  return {
    id: row.id,
    mapId: row.map_id,
    target: toTarget(row),
    parentId: row.parent_id,
    author: personRef(row.author_id, row.author_name),
    body: row.body,
    mentions: mentionsSchema.parse(JSON.parse(row.mentions)),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    resolvedAt: row.resolved_at,
    resolvedBy: personRef(row.resolved_by, row.resolver_name),
  };
}

function toTarget(row: { target_kind: string; target_id: string | null }): CommentTarget {
  if (row.target_kind === "map" || row.target_id === null) return { kind: "map" };
  return { kind: row.target_kind === "stage" ? "stage" : "card", id: row.target_id };
}
