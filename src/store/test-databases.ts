import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { StoreConfig } from "./store.js";

/**
 * Test support: the store backends a test suite runs against. SQLite always; PostgreSQL too when
 * TEST_DATABASE_URL points at a server (CI sets it; locally see scripts/start-test-postgres.sh).
 * Each PostgreSQL backend gets its own freshly created database, dropped again afterwards.
 */
export interface TestBackend {
  name: "sqlite" | "postgres";
  /** A store config over an empty database; call cleanup when done. */
  create(): Promise<{ config: StoreConfig; cleanup(): Promise<void> }>;
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: "sqlite", create: createSqlite }];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) backends.push({ name: "postgres", create: () => createPostgres(adminUrl) });
  return backends;
}

async function createSqlite() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tropa-store-"));
  return {
    config: { dataDir },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function createPostgres(adminUrl: string) {
  const name = `tropa_test_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
  await runAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { dataDir: "", databaseUrl: url.toString() },
    cleanup: () => runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
