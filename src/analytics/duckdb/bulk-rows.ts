import type { DuckDBValue } from "@duckdb/node-api";

/**
 * One way a bulk loader reads a file: a SELECT giving the columns `appendRowsSql` takes
 * (new-events.ts), which raises an error on any row it cannot read as the JS reader would.
 */
export type BulkRows = { sql: string; params: DuckDBValue[] };

/** Aborts the statement (and the import's transaction) at a row the bulk path cannot vouch for. */
export const DECLINE_ROW = "error('tropa: this row needs the JS reader')";
