import { z } from "zod";
import { idSchema, TEXT_MAX } from "../journey-map.js";

export const COMMENT_TARGET_KINDS = ["map", "stage", "card"] as const;

/** What a comment is pinned to: the whole map, a stage (its id) or a card (its id). */
export const commentTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("map") }),
  z.object({ kind: z.literal("stage"), id: idSchema }),
  z.object({ kind: z.literal("card"), id: idSchema }),
]);
export type CommentTarget = z.infer<typeof commentTargetSchema>;

export const commentBodyTextSchema = z.string().trim().min(1, "must not be empty").max(TEXT_MAX);

export const commentSchema = z.object({
  id: z.string(),
  mapId: z.string(),
  target: commentTargetSchema,
  /** Replies point at the thread's first comment; resolving applies to the thread. */
  parentId: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  body: z.string(),
  /** Members mentioned with @ (user ids). */
  mentions: z.array(z.string()),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type Comment = z.infer<typeof commentSchema>;

export const createCommentBodySchema = z.object({
  target: commentTargetSchema,
  body: commentBodyTextSchema,
  parentId: idSchema.optional(),
  mentions: z.array(idSchema).max(50).default([]),
});
export type CreateCommentBody = z.infer<typeof createCommentBodySchema>;

export const editCommentBodySchema = z.object({
  body: commentBodyTextSchema,
  mentions: z.array(idSchema).max(50).default([]),
});
