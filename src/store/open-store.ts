import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { KyselyStore } from "./kysely-store.js";
import { migrateToLatest } from "./migrations.js";
import type { Database } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";
import type { Store, StoreConfig } from "./store.js";

/** Opens (and migrates) the app database: embedded SQLite by default, PostgreSQL when databaseUrl is set. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const db = config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.dataDir);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    const where = config.databaseUrl
      ? `PostgreSQL at ${redact(config.databaseUrl)}`
      : path.join(config.dataDir, "tropa.db");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot open the database (${where}): ${reason}`, { cause: error });
  }
  return new KyselyStore(db, config.databaseUrl ? "postgres" : "sqlite");
}

function openSqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const database = new SqliteDatabase(path.join(dataDir, "tropa.db"));
  database.pragma("journal_mode = WAL");
  // In WAL mode NORMAL commits reach the OS before a save is acknowledged, so they survive kill -9 of the
  // server (tested); only an OS crash or power cut can lose the last commits. FULL costs an fsync per save.
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

function openPostgres(connectionString: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the app; the pool reconnects.
  pool.on("error", (error) => console.error("[tropa] PostgreSQL connection lost:", error.message));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The URL without its password, safe for logs and error messages. */
function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "the configured DATABASE_URL";
  }
}
