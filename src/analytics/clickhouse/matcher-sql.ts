import type { EventMatcher, PropertyCondition } from "../../domain/analytics/event-matcher.js";
import type { SqlParams } from "./sql-params.js";

/** Same pattern as src/analytics/match-event.ts: numeric strings count as numbers. */
const NUMERIC_TEXT = "'^-?[0-9]+(\\\\.[0-9]+)?$'";

/**
 * A boolean SQL expression over an `events` row: true when the event matches
 * (src/analytics/match-event.ts). `properties` is JSON text; keys are passed to the JSON
 * functions as plain bound strings, so any key works without path escaping.
 */
export function matcherSql(matcher: EventMatcher, params: SqlParams): string {
  const parts = [
    `event = ${params.bindText(matcher.event)}`,
    ...matcher.where.map((c) => conditionSql(c, params)),
  ];
  return `(${parts.join(" AND ")})`;
}

/** A step or exclusion: its own matcher or any of its alternatives (`or`). */
export function anyMatcherSql(matcher: EventMatcher & { or?: EventMatcher[] }, params: SqlParams): string {
  const alternatives = [matcher, ...(matcher.or ?? [])].map((m) => matcherSql(m, params));
  return alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(" OR ")})`;
}

/** True when every condition holds on the row's properties (a persona's segment rule); `true` for none. */
export function conditionsSql(conditions: PropertyCondition[], params: SqlParams): string {
  return conditions.length === 0
    ? "true"
    : `(${conditions.map((c) => conditionSql(c, params)).join(" AND ")})`;
}

type PropertySql = { key: string; type: string; text: string; number: string };

function conditionSql(condition: PropertyCondition, params: SqlParams): string {
  const key = params.bindText(condition.property);
  const type = `JSONType(properties, ${key})`;
  const text = `JSONExtractString(properties, ${key})`;
  const property: PropertySql = {
    key,
    type,
    text,
    number: `multiIf(${type} IN ('Int64', 'UInt64', 'Double'), toNullable(JSONExtractFloat(properties, ${key})),
      ${type} = 'String' AND match(${text}, ${NUMERIC_TEXT}), toFloat64OrNull(${text}), NULL)`,
  };
  switch (condition.op) {
    case "equals":
      return equalsSql(property, condition.value, params);
    case "in":
      return `(${condition.value.map((value) => equalsSql(property, value, params)).join(" OR ")})`;
    case "contains":
      return `(${type} = 'String' AND position(${text}, ${params.bindText(condition.value)}) > 0)`;
    case "regex":
      return `(${type} = 'String' AND match(${text}, ${params.bindText(condition.value)}))`;
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return `ifNull(${property.number} ${OPERATORS[condition.op]} ${params.bind(condition.value, "Float64")}, false)`;
  }
}

const OPERATORS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

function equalsSql(property: PropertySql, value: string | number | boolean, params: SqlParams): string {
  if (typeof value === "number")
    return `ifNull(${property.number} = ${params.bind(value, "Float64")}, false)`;
  if (typeof value === "boolean")
    return `(${property.type} = 'Bool' AND JSONExtractBool(properties, ${property.key}) = ${params.bind(value, "Bool")})`;
  return `(${property.type} = 'String' AND ${property.text} = ${params.bindText(value)})`;
}
