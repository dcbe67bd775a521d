import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { type JourneyMap, nameSchema } from "../domain/journey-map.js";
import { previewOf } from "../domain/map-preview.js";
import { parseMap } from "../domain/migrations.js";
import type { Persona } from "../domain/persona.js";
import { isReviewOverdue } from "../domain/review.js";
import { validateInput } from "../domain/validate-input.js";
import type { AccountStore } from "./account-store.js";
import type { ActivityStore } from "./activity-store.js";
import type { CommentStore } from "./comment-store.js";
import { decodeMap, decodePersona, encodeMap, encodePersona } from "./documents.js";
import { KyselyAccountStore } from "./kysely-account-store.js";
import { KyselyActivityStore } from "./kysely-activity-store.js";
import { KyselyCommentStore } from "./kysely-comment-store.js";
import { KyselyLiveDocStore } from "./kysely-live-doc-store.js";
import { KyselyMemberStore } from "./kysely-member-store.js";
import { KyselyShareLinkStore } from "./kysely-share-link-store.js";
import type { LiveDocStore } from "./live-doc-store.js";
import type { MemberStore } from "./member-store.js";
import type { Database, MapTable } from "./schema.js";
import type { ShareLinkStore } from "./share-link-store.js";
import type {
  MapSummary,
  MapVersion,
  MapVersionSummary,
  Store,
  StoredMap,
  WorkspaceSummary,
  WorkspaceTemplate,
} from "./store.js";

type Db = Kysely<Database> | Transaction<Database>;

/** The Store over Kysely; the dialect (SQLite or PostgreSQL) is chosen by openStore. */
export class KyselyStore implements Store {
  readonly kind: "sqlite" | "postgres";
  readonly accounts: AccountStore;
  readonly members: MemberStore;
  readonly shareLinks: ShareLinkStore;
  readonly comments: CommentStore;
  readonly activity: ActivityStore;
  readonly liveDocs: LiveDocStore;
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>, kind: "sqlite" | "postgres") {
    this.db = db;
    this.kind = kind;
    this.accounts = new KyselyAccountStore(db);
    this.members = new KyselyMemberStore(db);
    this.shareLinks = new KyselyShareLinkStore(db);
    this.comments = new KyselyCommentStore(db);
    this.activity = new KyselyActivityStore(db);
    this.liveDocs = new KyselyLiveDocStore(db);
  }

  async listWorkspaces(): Promise<WorkspaceSummary[]> {
    const rows = await this.db
      .selectFrom("workspaces")
      .selectAll()
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
  }

  async getWorkspace(id: string): Promise<WorkspaceSummary> {
    const row = await this.db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`workspace ${id}`);
    return { id: row.id, name: row.name, createdAt: row.created_at };
  }

  async createWorkspace(name: string): Promise<WorkspaceSummary> {
    const workspace = { id: newId(), name: checkName(name, "name"), createdAt: now() };
    await this.db
      .insertInto("workspaces")
      .values({ id: workspace.id, name: workspace.name, created_at: workspace.createdAt })
      .execute();
    return workspace;
  }

  async listMaps(workspaceId: string): Promise<MapSummary[]> {
    await this.getWorkspace(workspaceId);
    const rows = await this.db
      .selectFrom("maps")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .execute();
    const at = new Date();
    return rows.map((row) => summarise(row, at));
  }

  async createMap(workspaceId: string, map: JourneyMap, personas: Persona[] = []): Promise<StoredMap> {
    const doc = encodeMap(map);
    const stored = decodeMap(doc, "map");
    const at = now();
    await this.db.transaction().execute(async (tx) => {
      await requireWorkspace(tx, workspaceId);
      const existing = await tx.selectFrom("maps").select("id").where("id", "=", map.id).executeTakeFirst();
      if (existing) throw new ValidationError(`map.id: a map with id ${map.id} already exists`, "map.id");
      for (const [index, persona] of personas.entries()) {
        await writePersona(tx, workspaceId, persona, `personas.${index}`, at);
      }
      await tx
        .insertInto("maps")
        .values({
          id: stored.id,
          workspace_id: workspaceId,
          title: stored.title,
          doc,
          revision: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await tx
        .insertInto("map_versions")
        .values({ map_id: stored.id, revision: 1, doc, name: null, created_at: at })
        .execute();
    });
    return { map: stored, workspaceId, revision: 1, createdAt: at, updatedAt: at };
  }

  async getMap(id: string): Promise<StoredMap> {
    const row = await this.db.selectFrom("maps").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`map ${id}`);
    return toStoredMap(row);
  }

  async getMapWorkspaceId(id: string): Promise<string> {
    const row = await this.db
      .selectFrom("maps")
      .select("workspace_id")
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`map ${id}`);
    return row.workspace_id;
  }

  async saveMap(id: string, map: JourneyMap, baseRevision: number): Promise<StoredMap> {
    if (map.id !== id)
      throw new ValidationError(`map.id: must be ${id}, the id of the map being saved`, "map.id");
    const valid = parseMap(map, "map");
    return this.db.transaction().execute((tx) => writeRevision(tx, id, valid, baseRevision));
  }

  async deleteMap(id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("map_versions").where("map_id", "=", id).execute();
      const result = await tx.deleteFrom("maps").where("id", "=", id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new NotFoundError(`map ${id}`);
    });
  }

  async listVersions(mapId: string): Promise<MapVersionSummary[]> {
    await this.getMap(mapId);
    const rows = await this.db
      .selectFrom("map_versions")
      .select(["revision", "name", "created_at"])
      .where("map_id", "=", mapId)
      .orderBy("revision", "desc")
      .execute();
    return rows.map((row) => ({ revision: row.revision, name: row.name, createdAt: row.created_at }));
  }

  async getVersion(mapId: string, revision: number): Promise<MapVersion> {
    const row = await findVersion(this.db, mapId, revision);
    return {
      revision: row.revision,
      name: row.name,
      createdAt: row.created_at,
      map: decodeMap(row.doc, `map ${mapId} revision ${revision}`),
    };
  }

  async nameVersion(mapId: string, revision: number, name: string): Promise<MapVersionSummary> {
    const cleaned = name.trim() === "" ? null : checkName(name, "name");
    const result = await this.db
      .updateTable("map_versions")
      .set({ name: cleaned })
      .where("map_id", "=", mapId)
      .where("revision", "=", revision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`revision ${revision} of map ${mapId}`);
    const { map: _map, ...summary } = await this.getVersion(mapId, revision);
    return summary;
  }

  async restoreVersion(mapId: string, revision: number, baseRevision: number): Promise<StoredMap> {
    return this.db.transaction().execute(async (tx) => {
      const old = await findVersion(tx, mapId, revision);
      return writeRevision(tx, mapId, decodeMap(old.doc, `map ${mapId} revision ${revision}`), baseRevision);
    });
  }

  async listPersonas(workspaceId: string): Promise<Persona[]> {
    await this.getWorkspace(workspaceId);
    const rows = await this.db
      .selectFrom("personas")
      .select(["id", "doc"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map((row) => decodePersona(row.doc, `persona ${row.id}`));
  }

  async getPersona(id: string): Promise<{ persona: Persona; workspaceId: string }> {
    const row = await this.db.selectFrom("personas").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`persona ${id}`);
    return { persona: decodePersona(row.doc, `persona ${id}`), workspaceId: row.workspace_id };
  }

  async savePersona(workspaceId: string, persona: Persona): Promise<Persona> {
    await this.db.transaction().execute(async (tx) => {
      await requireWorkspace(tx, workspaceId);
      await writePersona(tx, workspaceId, persona, "persona", now());
    });
    return (await this.getPersona(persona.id)).persona;
  }

  async deletePersona(id: string): Promise<void> {
    const result = await this.db.deleteFrom("personas").where("id", "=", id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError(`persona ${id}`);
  }

  async listWorkspaceTemplates(workspaceId: string): Promise<WorkspaceTemplate[]> {
    await this.getWorkspace(workspaceId);
    const rows = await this.db
      .selectFrom("workspace_templates")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toWorkspaceTemplate);
  }

  async getWorkspaceTemplate(id: string): Promise<WorkspaceTemplate> {
    const row = await this.db
      .selectFrom("workspace_templates")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`template ${id}`);
    return toWorkspaceTemplate(row);
  }

  async saveWorkspaceTemplate(
    workspaceId: string,
    name: string,
    map: JourneyMap,
  ): Promise<WorkspaceTemplate> {
    const row = {
      id: newId(),
      workspace_id: workspaceId,
      name: checkName(name, "name"),
      doc: encodeMap(map),
      created_at: now(),
    };
    await this.db.transaction().execute(async (tx) => {
      await requireWorkspace(tx, workspaceId);
      await tx.insertInto("workspace_templates").values(row).execute();
    });
    return toWorkspaceTemplate(row);
  }

  async getWriteKey(workspaceId: string): Promise<string> {
    await requireWorkspace(this.db, workspaceId);
    // Two first requests at once both try to insert; the key that landed first is everyone's answer.
    await this.db
      .insertInto("write_keys")
      .values({ workspace_id: workspaceId, write_key: newWriteKey(), created_at: now() })
      .onConflict((conflict) => conflict.column("workspace_id").doNothing())
      .execute();
    const row = await this.db
      .selectFrom("write_keys")
      .select("write_key")
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    return row.write_key;
  }

  async rotateWriteKey(workspaceId: string): Promise<string> {
    await requireWorkspace(this.db, workspaceId);
    const writeKey = newWriteKey();
    await this.db
      .insertInto("write_keys")
      .values({ workspace_id: workspaceId, write_key: writeKey, created_at: now() })
      .onConflict((conflict) =>
        conflict.column("workspace_id").doUpdateSet({ write_key: writeKey, created_at: now() }),
      )
      .execute();
    return writeKey;
  }

  async findWorkspaceByWriteKey(writeKey: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("write_keys")
      .select("workspace_id")
      .where("write_key", "=", writeKey)
      .executeTakeFirst();
    return row?.workspace_id ?? null;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** 192 random bits, URL-safe, so a key can go in a Basic auth header or a query string as is. */
function newWriteKey(): string {
  return `wk_${randomBytes(24).toString("base64url")}`;
}

/**
 * Moves a map from baseRevision to the next one. The revision check sits in the UPDATE itself, so of two
 * saves from the same base exactly one matches a row, on either engine, without a separate lock.
 */
/** Writes a validated map as the next revision; the caller has parsed it, so nothing is decoded again. */
async function writeRevision(
  tx: Transaction<Database>,
  id: string,
  map: JourneyMap,
  baseRevision: number,
): Promise<StoredMap> {
  const doc = JSON.stringify(map);
  const at = now();
  const revision = baseRevision + 1;
  const updated = await tx
    .updateTable("maps")
    .set({ doc, title: map.title, revision, updated_at: at })
    .where("id", "=", id)
    .where("revision", "=", baseRevision)
    .returning(["workspace_id", "created_at"])
    .executeTakeFirst();
  if (!updated) {
    const current = await tx.selectFrom("maps").select("revision").where("id", "=", id).executeTakeFirst();
    if (!current) throw new NotFoundError(`map ${id}`);
    throw new ConflictError(current.revision);
  }
  await tx
    .insertInto("map_versions")
    .values({ map_id: id, revision, doc, name: null, created_at: at })
    .execute();
  return { map, workspaceId: updated.workspace_id, revision, createdAt: updated.created_at, updatedAt: at };
}

async function writePersona(
  tx: Transaction<Database>,
  workspaceId: string,
  persona: Persona,
  where: string,
  at: string,
) {
  const doc = encodePersona(persona, where);
  const existing = await tx
    .selectFrom("personas")
    .select("workspace_id")
    .where("id", "=", persona.id)
    .executeTakeFirst();
  if (!existing) {
    await tx
      .insertInto("personas")
      .values({ id: persona.id, workspace_id: workspaceId, doc, created_at: at, updated_at: at })
      .execute();
    return;
  }
  if (existing.workspace_id !== workspaceId) {
    throw new ValidationError(
      `${where}.id: persona ${persona.id} belongs to another workspace`,
      `${where}.id`,
    );
  }
  await tx.updateTable("personas").set({ doc, updated_at: at }).where("id", "=", persona.id).execute();
}

async function requireWorkspace(db: Db, id: string): Promise<void> {
  const row = await db.selectFrom("workspaces").select("id").where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError(`workspace ${id}`);
}

async function findVersion(db: Db, mapId: string, revision: number) {
  const row = await db
    .selectFrom("map_versions")
    .selectAll()
    .where("map_id", "=", mapId)
    .where("revision", "=", revision)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`revision ${revision} of map ${mapId}`);
  return row;
}

function toStoredMap(row: MapTable): StoredMap {
  return {
    map: decodeMap(row.doc, `map ${row.id}`),
    workspaceId: row.workspace_id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function summarise(row: MapTable, at: Date): MapSummary {
  const map = decodeMap(row.doc, `map ${row.id}`);
  return {
    id: row.id,
    title: map.title,
    description: map.description,
    personaIds: map.personaIds,
    state: map.state,
    lang: map.lang,
    stageCount: map.stages.length,
    revision: row.revision,
    updatedAt: row.updated_at,
    lastReviewedAt: map.lastReviewedAt,
    reviewOverdue: isReviewOverdue(map, at, row.created_at),
    preview: previewOf(map),
  };
}

function toWorkspaceTemplate(row: {
  id: string;
  workspace_id: string;
  name: string;
  doc: string;
  created_at: string;
}): WorkspaceTemplate {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    map: decodeMap(row.doc, `template ${row.id}`),
    createdAt: row.created_at,
  };
}

function checkName(name: string, field: string): string {
  return validateInput(nameSchema, name, field);
}

function now(): string {
  return new Date().toISOString();
}
