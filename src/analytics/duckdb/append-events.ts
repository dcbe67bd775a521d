import { type DuckDBConnection, DuckDBTimestampMillisecondsValue } from "@duckdb/node-api";
import type { EventRecord } from "../event.js";

/**
 * Appends events as they are, with no dedupe: for a throwaway database (the CLI reading one file,
 * tests). Workspaces import through the event store, which dedupes. `dedupe_key` is the row number.
 */
export async function appendEvents(connection: DuckDBConnection, events: EventRecord[]): Promise<void> {
  const appender = await connection.createAppender("events");
  try {
    events.forEach((event, index) => {
      appender.appendVarchar(event.person);
      appender.appendTimestampMilliseconds(new DuckDBTimestampMillisecondsValue(BigInt(event.time)));
      appender.appendVarchar(event.event);
      appender.appendVarchar(JSON.stringify(event.properties));
      appender.appendVarchar(event.source);
      if (event.id === null) appender.appendNull();
      else appender.appendVarchar(event.id);
      appender.appendVarchar(`row:${index}`);
      appender.endRow();
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
