import type { CreatedShareLink, SharedMap, ShareLink } from "../../domain/team/share-link.js";
import { request } from "../api/request.js";

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
