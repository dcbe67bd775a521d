import type { ShareLink } from "../domain/team/share-link.js";

export interface NewShareLink {
  mapId: string;
  tokenHash: string;
  tokenHint: string;
  /** scrypt hash of the link's password, or null for none. */
  passwordHash: string | null;
  createdBy: string;
  expiresAt: string | null;
}

/** Public read-only links to maps. */
export interface ShareLinkStore {
  createShareLink(link: NewShareLink): Promise<ShareLink>;
  /** Live links of a map (not revoked, not expired at `now`), newest first. */
  listShareLinks(mapId: string, now: string): Promise<ShareLink[]>;
  /** A live link by its token hash, with what is needed to check it, or null. */
  findShareLink(
    tokenHash: string,
    now: string,
  ): Promise<(ShareLink & { workspaceId: string; passwordHash: string | null }) | null>;
  /** NotFoundError when the map has no such live link. */
  revokeShareLink(mapId: string, linkId: string, now: string): Promise<void>;
}
