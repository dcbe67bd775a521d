/** ClickHouse types a bound value may take here. */
type ParamType = "String" | "Int64" | "Float64" | "Bool";

/** Collects bound values while SQL text is built, handing out `{pN:Type}` placeholders. */
export class SqlParams {
  readonly values: Record<string, unknown> = {};
  private count = 0;

  /** A placeholder for `value`; user-supplied text never enters the SQL itself. */
  bind(value: string | number | boolean, type: ParamType): string {
    this.count++;
    this.values[`p${this.count}`] = value;
    return `{p${this.count}:${type}}`;
  }

  bindText(value: string): string {
    return this.bind(value, "String");
  }

  /** An integer (times, durations in ms). */
  bindInteger(value: number): string {
    return this.bind(value, "Int64");
  }
}
