import type { CreatedShareLink, SharedMap, ShareLink } from "../../domain/team/share-link.js";
import { toApiError } from "../api/api-error.js";
import { csrfHeaders } from "../api/csrf.js";
import { noticeSessionExpiry } from "../api/session-expiry.js";

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
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
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

/** Share links of a map (editors and owners) and the public shared view. */
export const shareApi = {
  list: (mapId: string) => request<ShareLink[]>("GET", `/api/maps/${enc(mapId)}/share-links`),
  create: (mapId: string, body: { expiresAt?: string; password?: string }) =>
    request<CreatedShareLink>("POST", `/api/maps/${enc(mapId)}/share-links`, body),
  revoke: (mapId: string, linkId: string) =>
    request<void>("DELETE", `/api/maps/${enc(mapId)}/share-links/${enc(linkId)}`),
  /** Public: no session needed; the password only when the link has one. */
  open: (token: string, password?: string) =>
    request<SharedMap>("POST", `/api/shared/${enc(token)}`, password ? { password } : {}),
};
