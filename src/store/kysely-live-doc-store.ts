import type { Kysely } from "kysely";
import { NotFoundError } from "../domain/errors.js";
import type { LiveDocRecord, LiveDocStore } from "./live-doc-store.js";
import type { Database } from "./schema.js";

/** Yjs states over Kysely, kept as base64 text so one column type serves SQLite and PostgreSQL. */
export class KyselyLiveDocStore implements LiveDocStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async getLiveDoc(mapId: string): Promise<LiveDocRecord | null> {
    const row = await this.db
      .selectFrom("live_docs")
      .selectAll()
      .where("map_id", "=", mapId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      mapId: row.map_id,
      state: new Uint8Array(Buffer.from(row.state, "base64")),
      revision: row.revision,
      updatedAt: row.updated_at,
    };
  }

  async saveLiveDoc(mapId: string, state: Uint8Array, revision: number): Promise<void> {
    const values = {
      state: Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString("base64"),
      revision,
      updated_at: new Date().toISOString(),
    };
    await this.db.transaction().execute(async (tx) => {
      const map = await tx.selectFrom("maps").select("id").where("id", "=", mapId).executeTakeFirst();
      if (!map) throw new NotFoundError(`map ${mapId}`);
      await tx
        .insertInto("live_docs")
        .values({ map_id: mapId, ...values })
        .onConflict((conflict) => conflict.column("map_id").doUpdateSet(values))
        .execute();
    });
  }
}
