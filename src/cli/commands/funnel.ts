import { type Command, Option } from "commander";
import { parseDuration } from "../../analytics/duration.js";
import { PRESETS } from "../../analytics/import/read-event-file.js";
import {
  FUNNEL_INTERVALS,
  FUNNEL_ORDERS,
  FUNNEL_UNITS,
  type FunnelBreakdown,
} from "../../domain/analytics/funnel-query.js";
import type { CliIo } from "../cli-io.js";
import { type EventFileOptions, withEventFile } from "../event-file-store.js";
import { UsageError } from "../usage-error.js";
import { FUNNEL_FORMATS, renderFunnel } from "./funnel-output.js";
import {
  collect,
  parseEntryRange,
  parseStep,
  parseSteps,
  parseWhere,
  stepsHelp,
  WHERE_FLAG,
  WHERE_HELP,
} from "./query-flags.js";

type FunnelOptions = EventFileOptions & {
  steps: string;
  window: string;
  order: (typeof FUNNEL_ORDERS)[number];
  unit: (typeof FUNNEL_UNITS)[number];
  exclude: string[];
  where: string[];
  from?: string;
  to?: string;
  breakdown?: string;
  interval?: (typeof FUNNEL_INTERVALS)[number];
  format: (typeof FUNNEL_FORMATS)[number];
};

/**
 * `tropa funnel --events FILE`: a funnel straight from an event file, read by the same parsers as
 * `tropa import` into a throwaway in-memory event store; no workspace.
 */
export function registerFunnel(program: Command, io: CliIo): void {
  program
    .command("funnel")
    .description("count how many people reach each step, from an events file (see docs/analytics.md)")
    .requiredOption(
      "--events <file>",
      "event file as for tropa import: .csv/.tsv with person,time,event columns, .ndjson/.jsonl/.json, .xes (also .gz, .zip)",
    )
    .requiredOption("--steps <events>", stepsHelp("step"))
    .option("--window <duration>", "conversion window from the first step, e.g. 30m, 12h, 7d, 2w", "14d")
    .addOption(new Option("--order <order>", "step order").choices(FUNNEL_ORDERS).default("sequential"))
    .addOption(
      new Option("--unit <unit>", "count people or sessions").choices(FUNNEL_UNITS).default("person"),
    )
    .option("--exclude <event>", "drop people who do this event between the steps (repeatable)", collect, [])
    .option("--from <date>", "count only units entering (step 1) from this UTC date or instant on")
    .option("--to <date>", "… and before this one (excluded); YYYY-MM-DD or 2024-06-01T12:00Z")
    .option(WHERE_FLAG, WHERE_HELP, collect, [])
    .option(
      "--breakdown <property>",
      "split by a property of the first step's event; PROP:last or PROP:step=N for another step",
    )
    .addOption(
      new Option("--interval <interval>", "conversion by UTC day or ISO week of entry").choices(
        FUNNEL_INTERVALS,
      ),
    )
    .addOption(new Option("--format <format>", "output format").choices(FUNNEL_FORMATS).default("table"))
    .option("--preset <name>", `read the file as a known export (${PRESETS.join(", ")})`)
    .option("--map <mapping>", "event columns: person=COL,time=COL,event=COL[,id=COL]")
    .option("--skip-invalid", "count the valid rows only; how many were skipped goes to stderr")
    .action(async (options: FunnelOptions) => {
      const query = queryOf(options);
      await withEventFile(io, options, async (store) => {
        io.out(renderFunnel(await store.engine().getFunnel(query), options.format));
      });
    });
}

function queryOf(options: FunnelOptions) {
  const steps = parseSteps(options.steps, "--steps", 1);
  const windowMs = parseDuration(options.window);
  if (windowMs === undefined)
    throw new UsageError(`--window "${options.window}" is not a duration; use e.g. 30m, 12h, 7d`);
  if (steps.length < 2 && options.exclude.length > 0)
    throw new UsageError("--exclude needs at least two steps");
  return {
    steps,
    windowMs,
    order: options.order,
    unit: options.unit,
    exclusions: options.exclude.map((text) => parseStep(text, "--exclude")),
    segment: parseWhere(options.where),
    ...parseEntryRange(options.from, options.to),
    ...(options.breakdown === undefined
      ? {}
      : { breakdown: parseBreakdown(options.breakdown, steps.length) }),
    ...(options.interval === undefined ? {} : { interval: options.interval }),
  };
}

/** `PROP`, `PROP:first`, `PROP:last` or `PROP:step=N`; the property may itself contain ":". */
function parseBreakdown(text: string, stepCount: number): Omit<FunnelBreakdown, "limit"> {
  const match = /^(.+?)(?::(first|last|step=(\d+)))?$/.exec(text.trim());
  const property = match?.[1];
  if (!match || !property) {
    throw new UsageError(`--breakdown "${text}" needs a property, e.g. --breakdown channel or channel:last`);
  }
  const suffix = match[2] ?? "first";
  if (suffix === "first" || suffix === "last") return { property, attribution: suffix };
  const step = Number(match[3]);
  if (step < 1 || step > stepCount) {
    throw new UsageError(`--breakdown "${text}": step must be from 1 to ${stepCount}`);
  }
  return { property, attribution: "step", step };
}
