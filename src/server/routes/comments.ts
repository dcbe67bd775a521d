import { createRoute, z } from "@hono/zod-openapi";
import { ForbiddenError, ValidationError } from "../../domain/errors.js";
import { idSchema, isCardLane, type JourneyMap } from "../../domain/journey-map.js";
import {
  type CommentTarget,
  commentSchema,
  commentTargetSchema,
  createCommentBodySchema,
  editCommentBodySchema,
} from "../../domain/team/comment.js";
import type { Store } from "../../store/store.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { signedIn } from "../auth/signed-in.js";
import { canCommentOnMap, canDeleteAnyComment, canViewMap, requireAllowed } from "../policy.js";
import { json, jsonBody } from "./json-content.js";
import { checkMapAccess, loadMap } from "./load-map.js";

/** How much of a comment (and of the card it is on) the activity log keeps. */
const EXCERPT_LENGTH = 80;

const mapParams = z.object({ id: idSchema });
const commentParams = z.object({ id: idSchema });

const listCommentsRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}/comments",
  summary: "Comments on a map, its stages and cards, oldest first; replies follow their thread's state",
  request: {
    params: mapParams,
    query: z.object({ state: z.enum(["open", "resolved", "all"]).default("open") }),
  },
  responses: {
    200: json(z.array(commentSchema), "comments"),
    400: errorResponses[400],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const countsRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}/comments/counts",
  summary: "Open threads per target (the map, a stage or a card), for badges",
  request: { params: mapParams },
  responses: {
    200: json(z.array(z.object({ target: commentTargetSchema, count: z.number().int() })), "open counts"),
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const addCommentRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/comments",
  summary: "Start a thread on the map, a stage or a card, or reply to one (`parentId`)",
  description:
    "The target must be a stage or card of the map's current content; every mentioned id must be a member of the map's workspace.",
  request: { params: mapParams, body: jsonBody(createCommentBodySchema) },
  responses: {
    201: json(commentSchema, "the new comment"),
    400: errorResponses[400],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const editCommentRoute = createRoute({
  method: "patch",
  path: "/api/comments/{id}",
  summary: "Change the text and mentions of your own comment",
  request: { params: commentParams, body: jsonBody(editCommentBodySchema) },
  responses: {
    200: json(commentSchema, "the edited comment"),
    400: errorResponses[400],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const threadStateRoute = (action: "resolve" | "reopen") =>
  createRoute({
    method: "post",
    path: `/api/comments/{id}/${action}`,
    summary:
      action === "resolve"
        ? "Resolve the thread the comment belongs to"
        : "Reopen the thread the comment belongs to",
    request: { params: commentParams },
    responses: {
      200: json(commentSchema, "the thread's first comment"),
      403: errorResponses[403],
      404: errorResponses[404],
    },
  });

const deleteCommentRoute = createRoute({
  method: "delete",
  path: "/api/comments/{id}",
  summary:
    "Delete a comment (its author, or a workspace owner); a thread's first comment takes its replies along",
  request: { params: commentParams },
  responses: { 204: { description: "deleted" }, 403: errorResponses[403], 404: errorResponses[404] },
});

/** The stage's name or the card's text a target names; undefined for the map or when it is not on the map. */
function targetText(map: JourneyMap, target: CommentTarget): string | undefined {
  if (target.kind === "stage") return map.stages.find((stage) => stage.id === target.id)?.name;
  if (target.kind === "card") {
    for (const lane of map.lanes) {
      if (!isCardLane(lane)) continue;
      for (const cards of Object.values(lane.cells)) {
        const card = cards.find((candidate) => candidate.id === target.id);
        if (card) return card.text;
      }
    }
  }
  return undefined;
}

/** A new thread must be pinned to something that exists in the map as it is now. */
function checkTarget(map: JourneyMap, target: CommentTarget): void {
  if (target.kind !== "map" && targetText(map, target) === undefined) {
    throw new ValidationError(`target.id: the map has no ${target.kind} ${target.id}`, "target.id");
  }
}

/** Each mentioned id must be a member of the workspace; repeats are dropped. */
async function checkMentions(store: Store, workspaceId: string, mentions: string[]): Promise<string[]> {
  if (mentions.length === 0) return [];
  const members = new Set((await store.members.listMembers(workspaceId)).map((member) => member.userId));
  mentions.forEach((id, index) => {
    if (!members.has(id)) {
      throw new ValidationError(
        `mentions.${index}: ${id} is not a member of this workspace`,
        `mentions.${index}`,
      );
    }
  });
  return [...new Set(mentions)];
}

export function registerCommentRoutes(app: App): void {
  app.openapi(listCommentsRoute, async (c) => {
    const { id } = c.req.valid("param");
    await checkMapAccess(c.var.store, id, (w) => canViewMap(c.var.actor, w));
    return c.json(await c.var.store.comments.listComments(id, c.req.valid("query").state), 200);
  });

  app.openapi(countsRoute, async (c) => {
    const { id } = c.req.valid("param");
    await checkMapAccess(c.var.store, id, (w) => canViewMap(c.var.actor, w));
    return c.json(await c.var.store.comments.openCounts(id), 200);
  });

  app.openapi(addCommentRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { store, actor } = c.var;
    const input = c.req.valid("json");
    const stored = await loadMap(store, id, (w) => canCommentOnMap(actor, w));
    const authorId = signedIn(c).user.id;
    let target = input.target;
    if (input.parentId) {
      // A reply joins its thread wherever that is pinned, even if the card is gone since.
      const parent = await store.comments.getComment(input.parentId);
      if (parent.mapId !== id) throw new ValidationError("parentId: not a comment of this map", "parentId");
      target = parent.target;
    } else {
      checkTarget(stored.map, target);
    }
    const comment = await store.comments.addComment({
      mapId: id,
      target,
      parentId: input.parentId ?? null,
      authorId,
      body: input.body,
      mentions: await checkMentions(store, stored.workspaceId, input.mentions),
    });
    await recordActivity(
      c,
      "comment.added",
      { workspaceId: stored.workspaceId, mapId: id },
      {
        title: stored.map.title,
        excerpt: comment.body.slice(0, EXCERPT_LENGTH),
        target: targetText(stored.map, comment.target)?.slice(0, EXCERPT_LENGTH),
      },
    );
    return c.json(comment, 201);
  });

  app.openapi(editCommentRoute, async (c) => {
    const { store, actor } = c.var;
    const existing = await store.comments.getComment(c.req.valid("param").id);
    requireAllowed(canCommentOnMap(actor, existing.workspaceId));
    if (existing.author?.id !== signedIn(c).user.id) {
      throw new ForbiddenError("only the author of a comment can edit it");
    }
    const input = c.req.valid("json");
    const mentions = await checkMentions(store, existing.workspaceId, input.mentions);
    return c.json(await store.comments.editComment(existing.id, input.body, mentions), 200);
  });

  for (const action of ["resolve", "reopen"] as const) {
    app.openapi(threadStateRoute(action), async (c) => {
      const { store, actor } = c.var;
      const existing = await store.comments.getComment(c.req.valid("param").id);
      requireAllowed(canCommentOnMap(actor, existing.workspaceId));
      const actorId = signedIn(c).user.id;
      const thread = await store.comments.setResolved(existing.id, action === "resolve" ? actorId : null);
      const { map } = await store.getMap(thread.mapId);
      await recordActivity(
        c,
        action === "resolve" ? "comment.resolved" : "comment.reopened",
        { workspaceId: existing.workspaceId, mapId: thread.mapId },
        { title: map.title, excerpt: thread.body.slice(0, EXCERPT_LENGTH) },
      );
      return c.json(thread, 200);
    });
  }

  app.openapi(deleteCommentRoute, async (c) => {
    const { store, actor } = c.var;
    const existing = await store.comments.getComment(c.req.valid("param").id);
    requireAllowed(canCommentOnMap(actor, existing.workspaceId));
    const own = existing.author?.id === signedIn(c).user.id;
    if (!own && !canDeleteAnyComment(actor, existing.workspaceId)) {
      throw new ForbiddenError("only the author of a comment or a workspace owner can delete it");
    }
    await store.comments.deleteComment(existing.id);
    return c.body(null, 204);
  });
}
