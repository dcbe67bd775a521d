import type { EventMatcher, PropertyCondition } from "../../domain/analytics/event-matcher.js";

export const CONDITION_OPS = ["equals", "in", "contains", "regex", "gt", "gte", "lt", "lte"] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** A condition as typed: the value stays text until the matcher is saved. */
export interface ConditionDraft {
  property: string;
  op: ConditionOp;
  value: string;
}

export interface MatcherDraft {
  event: string;
  where: ConditionDraft[];
}

/** Why a draft cannot be saved yet: the field and a translation key. */
export interface DraftProblem {
  matcher: number;
  condition: number | null;
  reason: "noEvent" | "noProperty" | "noValue" | "notNumber" | "badRegex";
}

export function toConditionDraft(condition: PropertyCondition): ConditionDraft {
  return {
    property: condition.property,
    op: condition.op,
    value: Array.isArray(condition.value) ? condition.value.join(", ") : String(condition.value),
  };
}

export function toDraft(matcher: EventMatcher): MatcherDraft {
  return { event: matcher.event, where: matcher.where.map(toConditionDraft) };
}

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function toCondition(draft: ConditionDraft): PropertyCondition | DraftProblem["reason"] {
  const property = draft.property.trim();
  const value = draft.value.trim();
  if (!property) return "noProperty";
  if (!value) return "noValue";
  switch (draft.op) {
    case "equals":
      return { property, op: "equals", value };
    case "in":
      return {
        property,
        op: "in",
        value: value
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean),
      };
    case "contains":
      return { property, op: "contains", value };
    case "regex":
      return isRegex(value) ? { property, op: "regex", value } : "badRegex";
    default: {
      // A decimal comma is how Russian Excel writes numbers.
      const number = Number(value.replace(",", "."));
      return Number.isFinite(number) ? { property, op: draft.op, value: number } : "notNumber";
    }
  }
}

/** The conditions a list of drafts stands for, or the first bad one with why. */
export function toConditions(
  drafts: ConditionDraft[],
): { conditions: PropertyCondition[] } | { condition: number; reason: DraftProblem["reason"] } {
  const conditions: PropertyCondition[] = [];
  for (const [position, draft] of drafts.entries()) {
    const condition = toCondition(draft);
    if (typeof condition === "string") return { condition: position, reason: condition };
    conditions.push(condition);
  }
  return { conditions };
}

/**
 * The matchers a stage's drafts stand for, or the first problem. Drafts with neither an event nor
 * conditions are blank rows the user has not filled yet and are left out.
 */
export function toMatchers(drafts: MatcherDraft[]): { matchers: EventMatcher[] } | { problem: DraftProblem } {
  const matchers: EventMatcher[] = [];
  for (const [index, draft] of drafts.entries()) {
    const event = draft.event.trim();
    if (!event && draft.where.length === 0) continue;
    if (!event) return { problem: { matcher: index, condition: null, reason: "noEvent" } };
    const where = toConditions(draft.where);
    if (!("conditions" in where)) {
      return { problem: { matcher: index, condition: where.condition, reason: where.reason } };
    }
    matchers.push({ event, where: where.conditions });
  }
  return { matchers };
}
