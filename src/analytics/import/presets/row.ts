/** A row a preset cannot use: which field (column or JSON key) is wrong and why. */
export class RowFault extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * One record of an export as a preset sees it, whatever the file: a table row (header → cell text)
 * or a JSON object. Fields are looked up by a list of names, first match wins, so one preset reads
 * Russian and English headers and API field names alike. Table headers match case-insensitively;
 * JSON keys may be dotted paths into nested objects (`visit.metrika_client_id`).
 */
export class Row {
  private readonly lowerKeys: Map<string, string>;

  constructor(readonly values: Readonly<Record<string, unknown>>) {
    this.lowerKeys = new Map(Object.keys(values).map((key) => [key.trim().toLowerCase(), key]));
  }

  /** The raw value of the first of `names` that holds something (not null, not blank text). */
  value(names: readonly string[]): unknown {
    const name = this.found(names);
    return name === undefined ? undefined : this.lookup(name);
  }

  /** Which of `names` holds the value `value(names)` returns. */
  found(names: readonly string[]): string | undefined {
    return names.find((name) => !isBlank(this.lookup(name)));
  }

  /** The first of `names` the record has at all (even empty): where an error about them points. */
  present(names: readonly string[]): string {
    return names.find((name) => this.lookup(name) !== undefined) ?? names[0] ?? "";
  }

  /** The value as trimmed text ("" when missing); numbers and booleans as written. */
  text(names: readonly string[]): string {
    return scalarText(this.value(names));
  }

  /** Like `text`, but a missing value is a fault of the row. */
  requireText(names: readonly string[]): string {
    const text = this.text(names);
    if (text === "") throw new RowFault(this.present(names), `${this.present(names)} is empty`);
    return text;
  }

  private lookup(name: string): unknown {
    if (name in this.values) return this.values[name];
    const key = this.lowerKeys.get(name.toLowerCase());
    if (key !== undefined) return this.values[key];
    return name.includes(".") ? this.path(name.split(".")) : undefined;
  }

  private path(parts: string[]): unknown {
    let current: unknown = this.values;
    for (const part of parts) {
      if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[part];
    }
    return current;
  }
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Ids and cells as text: 64-bit ids arrive as strings or numbers, both become their digits. */
export function scalarText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  return "";
}
