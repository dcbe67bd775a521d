import type { PropertyExamples } from "../domain/analytics/event-summary.js";

/** Recent events sampled for property keys: enough to see every key in practice, cheap on any size. */
export const PROPERTY_SAMPLE = 2000;
const EXAMPLES_PER_PROPERTY = 5;
const MAX_PROPERTIES = 200;

/**
 * The top-level property keys of a sample of events (their `properties` as JSON text), each with a few
 * distinct values as text (strings as they are, anything else as JSON), most common keys first: what the
 * stage binding editor offers for conditions. Every engine samples, this summarises.
 */
export function propertyExamplesOf(sample: unknown[]): PropertyExamples[] {
  const seen = new Map<string, { count: number; examples: Set<string> }>();
  for (const properties of sample) {
    for (const [name, value] of Object.entries(parseObject(properties))) {
      const entry = seen.get(name) ?? { count: 0, examples: new Set<string>() };
      entry.count += 1;
      if (entry.examples.size < EXAMPLES_PER_PROPERTY && value !== null) entry.examples.add(asText(value));
      seen.set(name, entry);
    }
  }
  return [...seen.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .slice(0, MAX_PROPERTIES)
    .map(([name, entry]) => ({ name, examples: [...entry.examples] }));
}

function parseObject(text: unknown): Record<string, unknown> {
  if (typeof text !== "string") return {};
  const value: unknown = JSON.parse(text);
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
