import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { AnalyticsEngine } from "../engine.js";
import { type FunnelQueryInput, type FunnelResult, funnelQuerySchema } from "../funnel-query.js";
import { validQuery } from "../valid-query.js";
import { CREATE_EVENTS_TABLE } from "./events-table.js";
import { getFunnelFromDuckDb } from "./get-funnel.js";

/**
 * The embedded engine: queries the `events` table of a DuckDB connection.
 * @example const engine = await DuckDbEngine.inMemory(); await appendEvents(engine.connection, events);
 */
export class DuckDbEngine implements AnalyticsEngine {
  readonly name = "duckdb";

  /** @param instance closed with the engine when given (the engine owns it) */
  constructor(
    readonly connection: DuckDBConnection,
    private readonly instance?: DuckDBInstance,
  ) {}

  /** A throwaway database with an empty `events` table (the CLI on a file, tests). */
  static async inMemory(): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(CREATE_EVENTS_TABLE);
    return new DuckDbEngine(connection, instance);
  }

  async getFunnel(input: FunnelQueryInput): Promise<FunnelResult> {
    return getFunnelFromDuckDb(this.connection, validQuery(funnelQuerySchema, input));
  }

  close(): void {
    if (!this.instance) return;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
