import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";

/**
 * Schema changes, defined in code so the packaged app needs no migration files on disk.
 * Only portable column types (text, integer) are used so both SQLite and PostgreSQL run them as is.
 * Never edit a released migration; add the next one.
 */
const migrations: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("workspaces")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("personas")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("doc", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("personas_workspace").on("personas").column("workspace_id").execute();
      await db.schema
        .createTable("maps")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("doc", "text", (c) => c.notNull())
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("maps_workspace").on("maps").column("workspace_id").execute();
      await db.schema
        .createTable("map_versions")
        .addColumn("map_id", "text", (c) => c.notNull().references("maps.id").onDelete("cascade"))
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("doc", "text", (c) => c.notNull())
        .addColumn("name", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("map_versions_pk", ["map_id", "revision"])
        .execute();
      await db.schema
        .createTable("workspace_templates")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("doc", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0002_write_keys": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("write_keys")
        .addColumn("workspace_id", "text", (c) =>
          c.primaryKey().references("workspaces.id").onDelete("cascade"),
        )
        .addColumn("write_key", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** Brings the database schema up to date; fails with the migration's own error. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    throw error instanceof Error ? error : new Error(`database migration failed: ${String(error)}`);
  }
}
