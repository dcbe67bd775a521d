import { type DuckDBDataChunk, DuckDBListVector, type DuckDBVector } from "@duckdb/node-api";

/**
 * Helpers for the queries that group each person's events into lists (person-event-lists.ts,
 * get-paths.ts) and read them straight from the result's vectors.
 */

/** A 32-bit mask with bit k set when flag k holds. */
export function maskSql(flags: string[]): string {
  if (flags.length === 0) return "0::UINTEGER";
  return `(${flags.map((flag, k) => `CASE WHEN ${flag} THEN ${2 ** k}::BIGINT ELSE 0 END`).join(" + ")})::UINTEGER`;
}

/** A LIST column of the chunk and its flat child vector, checked to hold `type`. */
export function listColumn<T extends DuckDBVector>(
  chunk: DuckDBDataChunk,
  column: number,
  type: abstract new (...args: never[]) => T,
): { lists: DuckDBListVector; items: T } {
  const lists = chunk.getColumnVector(column);
  const items = lists instanceof DuckDBListVector ? lists.childVector : null;
  if (!(lists instanceof DuckDBListVector) || !(items instanceof type)) {
    throw new Error(`list query: column ${column} is not a list of ${type.name}`);
  }
  return { lists, items };
}
