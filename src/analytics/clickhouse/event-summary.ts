import type { EventSummary, PropertyExamples, StepMatcher } from "../event-store.js";
import { eventSummaryOf } from "../event-summary-rows.js";
import { PROPERTY_SAMPLE, propertyExamplesOf } from "../property-examples.js";
import type { ClickHouseTransport } from "./clickhouse-transport.js";
import { anyMatcherSql } from "./matcher-sql.js";
import { SqlParams } from "./sql-params.js";

/** The sources holding events that match any of `matchers`: where a map's numbers come from. */
export async function readMatchingSources(
  transport: ClickHouseTransport,
  table: string,
  matchers: StepMatcher[],
): Promise<string[]> {
  if (matchers.length === 0) return [];
  const params = new SqlParams();
  const matching = matchers.map((matcher) => anyMatcherSql(matcher, params)).join(" OR ");
  const found = await transport.query(
    `SELECT DISTINCT toString(source) AS source FROM ${table} WHERE ${matching} ORDER BY source`,
    params.values,
  );
  return found.map((row) => String(row.source));
}

/** What the `events` view `table` holds, with the figures and order of the DuckDB store's summary. */
export async function readEventSummary(transport: ClickHouseTransport, table: string): Promise<EventSummary> {
  const figures = `count() AS events, uniqExact(person) AS people,
    toUnixTimestamp64Milli(min(time)) AS first_time, toUnixTimestamp64Milli(max(time)) AS last_time`;
  const [totals] = await transport.query(`SELECT ${figures} FROM ${table}`);
  const sources = await transport.query(
    `SELECT toString(source) AS source, ${figures} FROM ${table} GROUP BY source ORDER BY source`,
  );
  const names = await transport.query(
    `SELECT toString(event) AS event, uniqExact(person) AS people, count() AS events
     FROM ${table} GROUP BY event ORDER BY people DESC, event`,
  );
  return eventSummaryOf(totals, sources, names);
}

/**
 * The top-level property keys of the latest events named `event`, each with a few distinct values
 * as text (strings as they are, anything else as JSON), most common keys first.
 */
export async function readPropertyExamples(
  transport: ClickHouseTransport,
  table: string,
  event: string,
): Promise<PropertyExamples[]> {
  const sample = await transport.query(
    `SELECT properties FROM ${table} WHERE event = {event:String} ORDER BY time DESC LIMIT ${PROPERTY_SAMPLE}`,
    { event },
  );
  return propertyExamplesOf(sample.map((row) => row.properties));
}
