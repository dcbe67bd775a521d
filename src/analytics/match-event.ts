import type { EventMatcher, PropertyCondition } from "../domain/analytics/event-matcher.js";
import type { EventRecord } from "./event.js";

/** A plain decimal number written as text ("10", "-2.5"); the same pattern the SQL engines use. */
const NUMERIC_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

/** True when the event has the matcher's name and meets every property condition. */
export function matchesEvent(event: EventRecord, matcher: EventMatcher): boolean {
  return event.event === matcher.event && meetsConditions(event, matcher.where);
}

/** A funnel step or exclusion: its own matcher or any of its alternatives (`or`). */
export function matchesAlternatives(
  event: EventRecord,
  matcher: EventMatcher & { or: EventMatcher[] },
): boolean {
  return matchesEvent(event, matcher) || matcher.or.some((alternative) => matchesEvent(event, alternative));
}

/** True when the event meets every condition, whatever its name (a persona's segment rule). */
export function meetsConditions(event: EventRecord, conditions: PropertyCondition[]): boolean {
  return conditions.every((c) => meetsCondition(event.properties, c));
}

function meetsCondition(properties: Record<string, unknown>, condition: PropertyCondition): boolean {
  if (!Object.hasOwn(properties, condition.property)) return false;
  const actual = properties[condition.property];
  switch (condition.op) {
    case "equals":
      return equalsScalar(actual, condition.value);
    case "in":
      return condition.value.some((value) => equalsScalar(actual, value));
    case "contains":
      return typeof actual === "string" && actual.includes(condition.value);
    case "regex":
      return typeof actual === "string" && new RegExp(condition.value).test(actual);
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return compareNumber(numberOf(actual), condition.op, condition.value);
  }
}

function equalsScalar(actual: unknown, expected: string | number | boolean): boolean {
  if (typeof expected === "number") return numberOf(actual) === expected;
  return typeof actual === typeof expected && actual === expected;
}

/** A JSON number, or a string holding a plain decimal number; otherwise null. */
function numberOf(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && NUMERIC_TEXT.test(value)) return Number(value);
  return null;
}

function compareNumber(actual: number | null, op: "gt" | "gte" | "lt" | "lte", expected: number): boolean {
  if (actual === null) return false;
  if (op === "gt") return actual > expected;
  if (op === "gte") return actual >= expected;
  if (op === "lt") return actual < expected;
  return actual <= expected;
}
