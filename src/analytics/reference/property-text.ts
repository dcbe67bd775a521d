/**
 * A property as breakdown text (docs/analytics.md "Breakdown"): a string as it is, any other JSON
 * value as compact JSON with exponents written without "+" (1e21, as DuckDB writes it); null when
 * the property is missing or JSON null.
 */
export function propertyText(properties: Record<string, unknown>, name: string): string | null {
  if (!Object.hasOwn(properties, name)) return null;
  const value = properties[name];
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return JSON.stringify(value).replace("e+", "e");
  return JSON.stringify(value);
}
