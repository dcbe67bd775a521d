import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { type ActivityEntry, activityActionSchema } from "../domain/team/activity.js";
import type { ActivityStore, NewActivity } from "./activity-store.js";
import { personRef } from "./person-ref.js";
import type { ActivityTable, Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

const detailsSchema = z.record(z.string(), z.unknown());

/** Where a page ends: the last entry's time and id, so entries with equal times are neither lost nor repeated. */
const cursorSchema = z.tuple([z.string().min(1), z.string().min(1)]);

/** The activity log over Kysely, on SQLite or PostgreSQL. */
export class KyselyActivityStore implements ActivityStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async recordActivity(entry: NewActivity): Promise<ActivityEntry> {
    return this.db.transaction().execute((tx) => insertEntry(tx, entry));
  }

  async recordOrMergeActivity(entry: NewActivity, withinMs: number): Promise<ActivityEntry> {
    return this.db.transaction().execute(async (tx) => {
      const at = new Date();
      const latest = await tx
        .selectFrom("activity")
        .select(["id", "created_at"])
        .where("workspace_id", "=", entry.workspaceId)
        .where("map_id", entry.mapId === null ? "is" : "=", entry.mapId)
        .where("actor_id", entry.actorId === null ? "is" : "=", entry.actorId)
        .where("action", "=", entry.action)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!latest || at.getTime() - Date.parse(latest.created_at) >= withinMs) return insertEntry(tx, entry);
      await tx
        .updateTable("activity")
        .set({ details: JSON.stringify(entry.details), created_at: at.toISOString() })
        .where("id", "=", latest.id)
        .execute();
      return readEntry(tx, latest.id);
    });
  }

  async listActivity(query: {
    workspaceId: string;
    mapId?: string;
    before?: string;
    limit: number;
  }): Promise<{ entries: ActivityEntry[]; next: string | null }> {
    if (!Number.isInteger(query.limit) || query.limit < 1) {
      throw new ValidationError("limit: must be a whole number of at least 1", "limit");
    }
    let select = selectEntries(this.db).where("activity.workspace_id", "=", query.workspaceId);
    if (query.mapId !== undefined) select = select.where("activity.map_id", "=", query.mapId);
    if (query.before !== undefined) {
      const [createdAt, id] = decodeCursor(query.before);
      select = select.where((eb) =>
        eb.or([
          eb("activity.created_at", "<", createdAt),
          eb.and([eb("activity.created_at", "=", createdAt), eb("activity.id", "<", id)]),
        ]),
      );
    }
    const rows = await select
      .orderBy("activity.created_at", "desc")
      .orderBy("activity.id", "desc")
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const next = rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null;
    return { entries: page.map(toEntry), next };
  }
}

async function insertEntry(tx: Transaction<Database>, entry: NewActivity): Promise<ActivityEntry> {
  const workspace = await tx
    .selectFrom("workspaces")
    .select("id")
    .where("id", "=", entry.workspaceId)
    .executeTakeFirst();
  if (!workspace) throw new NotFoundError(`workspace ${entry.workspaceId}`);
  const id = newId();
  await tx
    .insertInto("activity")
    .values({
      id,
      workspace_id: entry.workspaceId,
      map_id: entry.mapId,
      actor_id: entry.actorId,
      action: activityActionSchema.parse(entry.action),
      details: JSON.stringify(entry.details),
      created_at: new Date().toISOString(),
    })
    .execute();
  return readEntry(tx, id);
}

async function readEntry(db: Db, id: string): Promise<ActivityEntry> {
  return toEntry(await selectEntries(db).where("activity.id", "=", id).executeTakeFirstOrThrow());
}

function selectEntries(db: Db) {
  return db
    .selectFrom("activity")
    .leftJoin("users as actor", "actor.id", "activity.actor_id")
    .selectAll("activity")
    .select("actor.name as actor_name");
}

function toEntry(row: ActivityTable & { actor_name: string | null }): ActivityEntry {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    mapId: row.map_id,
    actor: personRef(row.actor_id, row.actor_name),
    action: activityActionSchema.parse(row.action),
    details: detailsSchema.parse(JSON.parse(row.details)),
    createdAt: row.created_at,
  };
}

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError(
      "before: not a cursor from this list; use the `next` of the previous page",
      "before",
    );
  }
}
