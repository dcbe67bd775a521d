import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { EventSummary, PropertyExamples, StepMatcher } from "../event-store.js";
import { eventSummaryOf } from "../event-summary-rows.js";
import { PROPERTY_SAMPLE, propertyExamplesOf } from "../property-examples.js";
import { alternativesSql } from "./matcher-sql.js";
import { SqlParams } from "./sql-params.js";

/** The sources holding events that match any of `matchers`: where a map's numbers come from. */
export async function readMatchingSources(
  connection: DuckDBConnection,
  matchers: StepMatcher[],
): Promise<string[]> {
  if (matchers.length === 0) return [];
  const params = new SqlParams();
  const matching = matchers.map((matcher) => alternativesSql(matcher, params)).join(" OR ");
  const found = await rows(
    connection,
    `SELECT DISTINCT source FROM events WHERE ${matching} ORDER BY source`,
    params.values,
  );
  return found.map((row) => String(row.source));
}

export async function readEventSummary(connection: DuckDBConnection): Promise<EventSummary> {
  const [totals] = await rows(
    connection,
    `SELECT count(*)::BIGINT AS events, count(DISTINCT person)::BIGINT AS people,
            epoch_ms(min(time)) AS first_time, epoch_ms(max(time)) AS last_time FROM events`,
  );
  const sources = await rows(
    connection,
    `SELECT source, count(*)::BIGINT AS events, count(DISTINCT person)::BIGINT AS people,
            epoch_ms(min(time)) AS first_time, epoch_ms(max(time)) AS last_time
     FROM events GROUP BY source ORDER BY source`,
  );
  const names = await rows(
    connection,
    `SELECT event, count(DISTINCT person)::BIGINT AS people, count(*)::BIGINT AS events
     FROM events GROUP BY event ORDER BY people DESC, event`,
  );
  return eventSummaryOf(totals, sources, names);
}

/**
 * The top-level property keys of the latest events named `event`, each with a few distinct values as
 * text, most common keys first; what the stage binding editor offers for conditions.
 */
export async function readPropertyExamples(
  connection: DuckDBConnection,
  event: string,
): Promise<PropertyExamples[]> {
  const sample = await rows(
    connection,
    `SELECT CAST(properties AS VARCHAR) AS properties FROM events WHERE event = $1
     ORDER BY time DESC LIMIT ${PROPERTY_SAMPLE}`,
    [event],
  );
  return propertyExamplesOf(sample.map((row) => row.properties));
}

async function rows(
  connection: DuckDBConnection,
  sql: string,
  values: DuckDBValue[] = [],
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJS();
}
