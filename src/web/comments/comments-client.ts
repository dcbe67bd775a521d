import type { Comment, CommentTarget } from "../../domain/team/comment.js";
import { toApiError } from "../api/api-error.js";
import { csrfHeaders } from "../api/csrf.js";
import { noticeSessionExpiry } from "../api/session-expiry.js";

export interface TargetCount {
  target: CommentTarget;
  count: number;
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...csrfHeaders(method) };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = await toApiError(response);
    noticeSessionExpiry(error);
    throw error;
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const enc = encodeURIComponent;

/** The comment routes of the HTTP API (docs/ARCHITECTURE.md). */
export const commentsApi = {
  list: (mapId: string) => send<Comment[]>("GET", `/api/maps/${enc(mapId)}/comments?state=all`),
  counts: (mapId: string) => send<TargetCount[]>("GET", `/api/maps/${enc(mapId)}/comments/counts`),
  add: (
    mapId: string,
    body: { target: CommentTarget; body: string; mentions: string[]; parentId?: string },
  ) => send<Comment>("POST", `/api/maps/${enc(mapId)}/comments`, body),
  edit: (id: string, body: string, mentions: string[]) =>
    send<Comment>("PATCH", `/api/comments/${enc(id)}`, { body, mentions }),
  resolve: (id: string) => send<Comment>("POST", `/api/comments/${enc(id)}/resolve`),
  reopen: (id: string) => send<Comment>("POST", `/api/comments/${enc(id)}/reopen`),
  remove: (id: string) => send<void>("DELETE", `/api/comments/${enc(id)}`),
};
