import type { DuckDBConnection } from "@duckdb/node-api";
import { IDENTIFY_EVENT, identityLinkOf, resolveLinks } from "../resolve-identities.js";
import { createEventsViewSql } from "./events-table.js";

/**
 * Every linked id and the person it resolves to (ids resolving to themselves are left out), kept
 * in the workspace file so queries only join it. No key: it is rebuilt whole, and DuckDB refuses
 * to delete and re-add the same key in one transaction.
 */
export const CREATE_IDENTITY_LINKS_TABLE = `
CREATE TABLE IF NOT EXISTS identity_links (alias VARCHAR NOT NULL, person VARCHAR NOT NULL)`;

/**
 * Resolves all `$identify` events of `raw_events` again with the same code as the reference
 * (src/analytics/resolve-identities.ts), stores the result in `identity_links` and points the
 * `events` view at it. Rebuilding everything keeps it simple and makes re-imports idempotent;
 * the links are a small share of the events.
 */
export async function rebuildIdentityLinks(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(
    "SELECT person, CAST(properties AS VARCHAR) AS properties FROM raw_events WHERE event = $1",
    [IDENTIFY_EVENT],
  );
  const links = reader.getRowObjectsJS().flatMap(
    (row) =>
      identityLinkOf({
        person: String(row.person),
        event: IDENTIFY_EVENT,
        properties: JSON.parse(String(row.properties)) as Record<string, unknown>,
      }) ?? [],
  );
  const resolved = resolveLinks(links);
  await connection.run("DELETE FROM identity_links");
  const appender = await connection.createAppender("identity_links");
  try {
    for (const [alias, person] of resolved) {
      appender.appendVarchar(alias);
      appender.appendVarchar(person);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await connection.run(createEventsViewSql(resolved.size > 0));
}

/** Points the `events` view at the links, or skips them when there are none. */
export async function refreshEventsView(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM identity_links");
  const links = Number(reader.getRowObjectsJS()[0]?.n ?? 0);
  await connection.run(createEventsViewSql(links > 0));
}
