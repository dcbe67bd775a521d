import { IDENTIFY_EVENT, identityLinkOf, resolveLinks } from "../resolve-identities.js";
import type { ClickHouseTransport } from "./clickhouse-transport.js";
import { createEventsViewSql, qualifiedTable } from "./events-table.js";

/**
 * Resolves all `$identify` events of `raw_events` again with the same code as the reference
 * (src/analytics/resolve-identities.ts), stores the result in `identity_links` and points the
 * `events` view at it. Rebuilding everything keeps re-imports idempotent; links are few.
 */
export async function rebuildIdentityLinks(transport: ClickHouseTransport, database: string): Promise<void> {
  const rows = await transport.query(
    `SELECT person, properties FROM ${qualifiedTable(database, "raw_events")} WHERE event = {event:String}`,
    { event: IDENTIFY_EVENT },
  );
  const links = rows.flatMap(
    (row) =>
      identityLinkOf({
        person: String(row.person),
        event: IDENTIFY_EVENT,
        properties: JSON.parse(String(row.properties)) as Record<string, unknown>,
      }) ?? [],
  );
  const resolved = resolveLinks(links);
  const table = qualifiedTable(database, "identity_links");
  await transport.command(`TRUNCATE TABLE ${table}`);
  await transport.insert(
    table,
    [...resolved].map(([alias, person]) => ({ alias, person })),
  );
  await transport.command(createEventsViewSql(database, resolved.size > 0));
}

/** Points the `events` view at the links, or skips them when there are none. */
export async function refreshEventsView(transport: ClickHouseTransport, database: string): Promise<void> {
  const rows = await transport.query(
    `SELECT count() AS n FROM ${qualifiedTable(database, "identity_links")}`,
  );
  await transport.command(createEventsViewSql(database, Number(rows[0]?.n ?? 0) > 0));
}
