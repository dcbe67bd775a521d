import type { DuckDBValue } from "@duckdb/node-api";

/** Collects bound values while SQL text is built, handing out numbered placeholders ($1, $2, …). */
export class SqlParams {
  readonly values: DuckDBValue[] = [];

  /** A placeholder for `value`; user-supplied text never enters the SQL itself. */
  bind(value: DuckDBValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** An integer (times, durations) as a BIGINT placeholder. */
  bindInteger(value: number): string {
    return `CAST(${this.bind(value)} AS BIGINT)`;
  }
}
