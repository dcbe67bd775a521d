import { Session } from "chdb";
import type { ClickHouseRow, ClickHouseTransport } from "./clickhouse-transport.js";

/**
 * ClickHouse inside this process (chdb). chdb allows one data directory per process and one open
 * session at a time, so open one transport per process and close it before opening another.
 * @example const transport = ChdbTransport.open("/var/lib/tropa/clickhouse"); // or open() for a throwaway one
 */
export class ChdbTransport implements ClickHouseTransport {
  readonly name = "chdb";

  private constructor(private readonly session: Session) {}

  /** A session on `dir`, created if missing; without `dir`, a temporary one removed on close. */
  static open(dir?: string): ChdbTransport {
    return new ChdbTransport(dir === undefined ? new Session() : new Session(dir));
  }

  async query(sql: string, params: Record<string, unknown> = {}): Promise<ClickHouseRow[]> {
    const result = await this.session.queryBindAsync(sql, params, { format: "JSONEachRow" });
    return parseRows(result.text());
  }

  async command(sql: string, params: Record<string, unknown> = {}): Promise<void> {
    await this.session.queryBindAsync(sql, params);
  }

  async insert(table: string, rows: ClickHouseRow[]): Promise<void> {
    if (rows.length === 0) return;
    const payload = rows.map((row) => JSON.stringify(row)).join("\n");
    await this.session.insert({ table, values: payload, format: "JSONEachRow" });
  }

  close(): void {
    this.session.close();
  }
}

function parseRows(text: string): ClickHouseRow[] {
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as ClickHouseRow);
}
