import type { EventMatcher, PropertyCondition } from "../../domain/analytics/event-matcher.js";
import type { SqlParams } from "./sql-params.js";

const NUMERIC_TYPES = "('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT')";
/** Same pattern as src/analytics/match-event.ts: numeric strings count as numbers. */
const NUMERIC_TEXT = "'-?[0-9]+(\\.[0-9]+)?'";

/** A boolean SQL expression over the `events` row: true when the event matches (src/analytics/match-event.ts). */
export function matcherSql(matcher: EventMatcher, params: SqlParams): string {
  const parts = [
    `event = ${params.bind(matcher.event)}`,
    ...matcher.where.map((c) => conditionSql(c, params)),
  ];
  return `(${parts.join(" AND ")})`;
}

/** A funnel step or exclusion: its own matcher or any of its alternatives (`or`). */
export function alternativesSql(matcher: EventMatcher & { or: EventMatcher[] }, params: SqlParams): string {
  const all = [matcher, ...matcher.or].map((m) => matcherSql(m, params));
  return all.length === 1 ? (all[0] as string) : `(${all.join(" OR ")})`;
}

/** True when every condition holds on the row's properties, whatever its name; `true` for none. */
export function conditionsSql(conditions: PropertyCondition[], params: SqlParams): string {
  if (conditions.length === 0) return "true";
  return conditions.map((c) => conditionSql(c, params)).join(" AND ");
}

function conditionSql(condition: PropertyCondition, params: SqlParams): string {
  const path = params.bind(`$."${condition.property}"`);
  const property = {
    type: `json_type(properties, ${path})`,
    text: `json_extract_string(properties, ${path})`,
  };
  switch (condition.op) {
    case "equals":
      return equalsSql(property, condition.value, params);
    case "in":
      return `(${condition.value.map((value) => equalsSql(property, value, params)).join(" OR ")})`;
    case "contains":
      return `coalesce(${property.type} = 'VARCHAR' AND contains(${property.text}, ${params.bind(condition.value)}), false)`;
    case "regex":
      return `coalesce(${property.type} = 'VARCHAR' AND regexp_matches(${property.text}, ${params.bind(condition.value)}), false)`;
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return `coalesce(${numberSql(property)} ${OPERATORS[condition.op]} ${params.bind(condition.value)}, false)`;
  }
}

const OPERATORS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

type PropertySql = { type: string; text: string };

function equalsSql(property: PropertySql, value: string | number | boolean, params: SqlParams): string {
  if (typeof value === "number") return `coalesce(${numberSql(property)} = ${params.bind(value)}, false)`;
  const type = typeof value === "boolean" ? "BOOLEAN" : "VARCHAR";
  return `coalesce(${property.type} = '${type}' AND ${property.text} = ${params.bind(String(value))}, false)`;
}

/** The property as DOUBLE when it is a JSON number or a numeric string, else NULL. */
function numberSql(property: PropertySql): string {
  return `(CASE WHEN ${property.type} IN ${NUMERIC_TYPES} THEN CAST(${property.text} AS DOUBLE)
    WHEN ${property.type} = 'VARCHAR' AND regexp_full_match(${property.text}, ${NUMERIC_TEXT})
    THEN CAST(${property.text} AS DOUBLE) END)`;
}
