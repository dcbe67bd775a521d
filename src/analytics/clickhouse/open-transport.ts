import { ChdbTransport } from "./chdb-transport.js";
import type { ClickHouseTransport } from "./clickhouse-transport.js";
import { HttpTransport } from "./http-transport.js";

/**
 * The server at `url` (CLICKHOUSE_URL) when one is given, else in-process chdb on `dir`
 * (a temporary directory when `dir` is missing too).
 */
export function openClickHouseTransport(options: { url?: string; dir?: string }): ClickHouseTransport {
  if (options.url) return HttpTransport.open(options.url);
  return ChdbTransport.open(options.dir);
}
