import type { ExpressionBuilder, Kysely } from "kysely";
import { NotFoundError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import type { ShareLink } from "../domain/team/share-link.js";
import { personRef } from "./person-ref.js";
import type { Database } from "./schema.js";
import type { NewShareLink, ShareLinkStore } from "./share-link-store.js";

/** Public read-only links over Kysely, on SQLite or PostgreSQL. */
export class KyselyShareLinkStore implements ShareLinkStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async createShareLink(link: NewShareLink): Promise<ShareLink> {
    const id = newId();
    await this.db.transaction().execute(async (tx) => {
      const map = await tx.selectFrom("maps").select("id").where("id", "=", link.mapId).executeTakeFirst();
      if (!map) throw new NotFoundError(`map ${link.mapId}`);
      await tx
        .insertInto("share_links")
        .values({
          id,
          map_id: link.mapId,
          token_hash: link.tokenHash,
          token_hint: link.tokenHint,
          password_hash: link.passwordHash,
          created_by: link.createdBy,
          created_at: new Date().toISOString(),
          expires_at: link.expiresAt,
          revoked_at: null,
        })
        .execute();
    });
    return toShareLink(await this.selectLinks().where("share_links.id", "=", id).executeTakeFirstOrThrow());
  }

  async listShareLinks(mapId: string, now: string): Promise<ShareLink[]> {
    const rows = await this.selectLinks()
      .where("share_links.map_id", "=", mapId)
      .where((eb) => isLive(eb, now))
      .orderBy("share_links.created_at", "desc")
      .orderBy("share_links.id", "desc")
      .execute();
    return rows.map(toShareLink);
  }

  async findShareLink(
    tokenHash: string,
    now: string,
  ): Promise<(ShareLink & { workspaceId: string; passwordHash: string | null }) | null> {
    const row = await this.selectLinks()
      .innerJoin("maps", "maps.id", "share_links.map_id")
      .select(["maps.workspace_id", "share_links.password_hash"])
      .where("share_links.token_hash", "=", tokenHash)
      .where((eb) => isLive(eb, now))
      .executeTakeFirst();
    if (!row) return null;
    return { ...toShareLink(row), workspaceId: row.workspace_id, passwordHash: row.password_hash };
  }

  async revokeShareLink(mapId: string, linkId: string, now: string): Promise<void> {
    const result = await this.db
      .updateTable("share_links")
      .set({ revoked_at: now })
      .where("id", "=", linkId)
      .where("map_id", "=", mapId)
      .where((eb) => isLive(eb, now))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`share link ${linkId} of map ${mapId}`);
  }

  private selectLinks() {
    return this.db
      .selectFrom("share_links")
      .leftJoin("users as creator", "creator.id", "share_links.created_by")
      .select([
        "share_links.id",
        "share_links.map_id",
        "share_links.token_hint",
        "share_links.password_hash",
        "share_links.created_by",
        "creator.name as creator_name",
        "share_links.created_at",
        "share_links.expires_at",
      ]);
  }
}

/** Not revoked and not expired at `now`. */
function isLive(eb: ExpressionBuilder<Database, "share_links">, now: string) {
  return eb.and([
    eb("share_links.revoked_at", "is", null),
    eb.or([eb("share_links.expires_at", "is", null), eb("share_links.expires_at", ">", now)]),
  ]);
}

function toShareLink(row: {
  id: string;
  map_id: string;
  token_hint: string;
  password_hash: string | null;
  created_by: string | null;
  creator_name: string | null;
  created_at: string;
  expires_at: string | null;
}): ShareLink {
  return {
    id: row.id,
    mapId: row.map_id,
    tokenHint: row.token_hint,
    hasPassword: row.password_hash !== null,
    createdBy: personRef(row.created_by, row.creator_name),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
