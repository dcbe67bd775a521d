import { type ClickHouseClient, createClient } from "@clickhouse/client";
import type { ClickHouseRow, ClickHouseTransport } from "./clickhouse-transport.js";

/**
 * A ClickHouse server or cluster (24 or newer: bound parameters) over HTTP, configured by a URL
 * such as `http://user:password@host:8123/database` (CLICKHOUSE_URL).
 */
export class HttpTransport implements ClickHouseTransport {
  readonly name = "http";

  private constructor(private readonly client: ClickHouseClient) {}

  static open(url: string): HttpTransport {
    return new HttpTransport(createClient({ url }));
  }

  async query(sql: string, params: Record<string, unknown> = {}): Promise<ClickHouseRow[]> {
    const result = await this.client.query({ query: sql, query_params: params, format: "JSONEachRow" });
    return result.json<ClickHouseRow>();
  }

  async command(sql: string, params: Record<string, unknown> = {}): Promise<void> {
    await this.client.command({ query: sql, query_params: params });
  }

  async insert(table: string, rows: ClickHouseRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.client.insert({ table, values: rows, format: "JSONEachRow" });
  }

  /** Lets in-flight requests finish; the client refuses new ones at once. */
  close(): void {
    void this.client.close();
  }
}
