import type { Comment, CommentTarget } from "../../domain/team/comment.js";
import { request } from "../api/request.js";

export interface TargetCount {
  target: CommentTarget;
  count: number;
}

const enc = encodeURIComponent;

/** The comment routes of the HTTP API (docs/ARCHITECTURE.md). */
export const commentsApi = {
  list: (mapId: string) => request<Comment[]>("GET", `/api/maps/${enc(mapId)}/comments?state=all`),
  counts: (mapId: string) => request<TargetCount[]>("GET", `/api/maps/${enc(mapId)}/comments/counts`),
  add: (
    mapId: string,
    body: { target: CommentTarget; body: string; mentions: string[]; parentId?: string },
  ) => request<Comment>("POST", `/api/maps/${enc(mapId)}/comments`, body),
  edit: (id: string, body: string, mentions: string[]) =>
    request<Comment>("PATCH", `/api/comments/${enc(id)}`, { body, mentions }),
  resolve: (id: string) => request<Comment>("POST", `/api/comments/${enc(id)}/resolve`),
  reopen: (id: string) => request<Comment>("POST", `/api/comments/${enc(id)}/reopen`),
  remove: (id: string) => request<void>("DELETE", `/api/comments/${enc(id)}`),
};
