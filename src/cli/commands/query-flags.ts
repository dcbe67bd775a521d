import type { PropertyCondition } from "../../domain/analytics/event-matcher.js";
import { UsageError } from "../usage-error.js";

/**
 * The flags `tropa funnel`, `tropa paths` and `tropa compare` share, turned into the engine's query
 * parts: steps with alternatives, exclusions, a segment (`--where`) and instants.
 */

export const WHERE_FLAG = "--where <condition>";
export const WHERE_HELP =
  "only people with an event where PROP=VALUE (or PROP=A|B, PROP~TEXT, PROP>N, PROP<=N); repeated, one event must meet them all";

/** Help of `--steps` / `--stages`. */
export function stepsHelp(noun: "step" | "stage"): string {
  return `the ${noun} event names in order, comma-separated; A|B when either event counts: visit|landing,signup,pay`;
}

/** Commander's collector for a repeatable flag. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A step (or stage, or exclusion): one event name, or several joined by `|` (any of them counts). */
export type StepFlag = { name: string; event: string; or: { event: string }[] };

/** `visit|landing,signup,pay`: steps in order; `|` lists the events a step also stands for. */
export function parseSteps(text: string, flag: string, atLeast: number): StepFlag[] {
  const steps = text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => parseStep(item, flag));
  if (steps.length < atLeast) {
    const example = atLeast > 1 ? "visit,signup" : "visit";
    throw new UsageError(
      `${flag} needs at least ${atLeast === 1 ? "one event name" : `${atLeast} event names`}, e.g. ${flag} ${example}`,
    );
  }
  return steps;
}

/** One step: `visit` or `visit|landing`. */
export function parseStep(item: string, flag: string): StepFlag {
  const events = item.split("|").map((event) => event.trim());
  const [event, ...alternatives] = events;
  if (event === undefined || events.some((name) => name === "")) {
    throw new UsageError(`${flag} "${item}": an empty event name around "|"`);
  }
  return { name: events.join(" | "), event, or: alternatives.map((other) => ({ event: other })) };
}

const CONDITION = /^(.+?)(>=|<=|!=|=|>|<|~)(.*)$/s;
const NUMERIC_OPS = { ">": "gt", ">=": "gte", "<": "lt", "<=": "lte" } as const;

/**
 * `--where` values: `PROP=VALUE` (equals; a numeric text compares as a number), `PROP=A|B` (any
 * of them), `PROP~TEXT` (contains), `PROP>N`, `PROP>=N`, `PROP<N`, `PROP<=N`.
 */
export function parseWhere(values: string[]): PropertyCondition[] {
  return values.map(parseCondition);
}

function parseCondition(text: string): PropertyCondition {
  const match = CONDITION.exec(text);
  const property = match?.[1]?.trim() ?? "";
  const op = match?.[2] ?? "";
  const value = match?.[3]?.trim() ?? "";
  if (!match || property === "" || value === "" || op === "!=") {
    throw new UsageError(
      `--where "${text}" is not a condition; use PROP=VALUE, PROP=A|B, PROP~TEXT, PROP>N or PROP<=N, e.g. --where channel=ads`,
    );
  }
  if (op === "~") return { property, op: "contains", value };
  if (op === "=") {
    const options = value.split("|").map((option) => option.trim());
    return options.length > 1 ? { property, op: "in", value: options } : { property, op: "equals", value };
  }
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new UsageError(`--where "${text}": ${op} needs a number, e.g. --where revenue>=100`);
  }
  return { property, op: NUMERIC_OPS[op as keyof typeof NUMERIC_OPS], value: number };
}

const DAY_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/;

/** A UTC date (YYYY-MM-DD) or an ISO instant ending in Z, as epoch ms; undefined otherwise. */
export function parseInstant(text: string | undefined): number | undefined {
  if (text === undefined || !DAY_OR_INSTANT.test(text.trim())) return undefined;
  const time = Date.parse(text.trim());
  return Number.isNaN(time) ? undefined : time;
}

/** `--from`/`--to` as the query's entry range (from inclusive, to exclusive). */
export function parseEntryRange(from?: string, to?: string): { from?: number; to?: number } {
  const range: { from?: number; to?: number } = {};
  for (const [flag, text, key] of [
    ["--from", from, "from"],
    ["--to", to, "to"],
  ] as const) {
    if (text === undefined) continue;
    const time = parseInstant(text);
    if (time === undefined) {
      throw new UsageError(`${flag} "${text}" is not a date; use YYYY-MM-DD or an ISO instant ending in Z`);
    }
    range[key] = time;
  }
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to) {
    throw new UsageError(`--from ${from} must be before --to ${to}`);
  }
  return range;
}
