/** One result row as ClickHouse's JSONEachRow gives it (64-bit integers may arrive as strings). */
export type ClickHouseRow = Record<string, unknown>;

/**
 * How the ClickHouse engine reaches ClickHouse: in-process chdb, or a server over HTTP. Values are
 * always bound server-side as `{name:Type}` parameters, never pasted into the SQL text.
 */
export interface ClickHouseTransport {
  readonly name: "chdb" | "http";
  /** Runs a SELECT and returns its rows. */
  query(sql: string, params?: Record<string, unknown>): Promise<ClickHouseRow[]>;
  /** Runs a statement that returns no rows (DDL, INSERT … SELECT). */
  command(sql: string, params?: Record<string, unknown>): Promise<void>;
  /** Appends rows (objects keyed by column name) to a table. */
  insert(table: string, rows: ClickHouseRow[]): Promise<void>;
  /** Releases the connection at once (chdb: the session and its data directory). */
  close(): void;
}
