import { type Command, Option } from "commander";
import type { Period, PeriodComparison, TransitionComparison } from "../../analytics/compare-periods.js";
import { parseDuration } from "../../analytics/duration.js";
import { PRESETS } from "../../analytics/import/read-event-file.js";
import { FUNNEL_ORDERS, FUNNEL_UNITS } from "../../domain/analytics/funnel-query.js";
import { formatPercent } from "../../domain/funnel.js";
import type { CliIo } from "../cli-io.js";
import { type EventFileOptions, withEventFile } from "../event-file-store.js";
import { UsageError } from "../usage-error.js";
import {
  collect,
  parseInstant,
  parseStep,
  parseSteps,
  parseWhere,
  stepsHelp,
  WHERE_FLAG,
  WHERE_HELP,
} from "./query-flags.js";

const FORMATS = ["table", "json", "csv"] as const;

type CompareOptions = EventFileOptions & {
  steps: string;
  periodA: string;
  periodB: string;
  window: string;
  transition?: string;
  order: (typeof FUNNEL_ORDERS)[number];
  unit: (typeof FUNNEL_UNITS)[number];
  exclude: string[];
  where: string[];
  format: (typeof FORMATS)[number];
};

/**
 * `tropa compare --events FILE`: "measure again after a change" — a transition's conversion for
 * people who entered in period A against period B, with a confidence interval and a test.
 */
export function registerCompare(program: Command, io: CliIo): void {
  program
    .command("compare")
    .description("compare step-to-step conversion between two entry periods (see docs/analytics.md)")
    .requiredOption("--events <file>", "event file as for tropa funnel --events")
    .requiredOption("--steps <events>", stepsHelp("step"))
    .requiredOption("--period-a <from..to>", "entry period A, end excluded: 2024-01-01..2024-01-15")
    .requiredOption("--period-b <from..to>", "entry period B, end excluded: 2024-02-01..2024-02-15")
    .option("--window <duration>", "conversion window from the first step, e.g. 12h, 7d, 2w", "14d")
    .option("--transition <step>", "compare only step N → N+1 (default: every transition)")
    .addOption(new Option("--order <order>", "step order").choices(FUNNEL_ORDERS).default("sequential"))
    .addOption(
      new Option("--unit <unit>", "count people or sessions").choices(FUNNEL_UNITS).default("person"),
    )
    .option("--exclude <event>", "drop people who do this event between the steps (repeatable)", collect, [])
    .option(WHERE_FLAG, WHERE_HELP, collect, [])
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--preset <name>", `read the file as a known export (${PRESETS.join(", ")})`)
    .option("--map <mapping>", "event columns: person=COL,time=COL,event=COL[,id=COL]")
    .option("--skip-invalid", "use the valid rows only; how many were skipped goes to stderr")
    .action(async (options: CompareOptions) => {
      const input = inputOf(options);
      const { comparePeriods } = await import("../../analytics/compare-periods.js");
      await withEventFile(io, options, async (store) => {
        const dataEnd = await store.lastEventTime();
        io.out(render(await comparePeriods(store.engine(), { ...input, dataEnd }), options.format));
      });
    });
}

function inputOf(options: CompareOptions) {
  const steps = parseSteps(options.steps, "--steps", 2);
  const windowMs = parseDuration(options.window);
  if (windowMs === undefined)
    throw new UsageError(`--window "${options.window}" is not a duration; use e.g. 30m, 12h, 7d`);
  return {
    query: {
      steps,
      windowMs,
      order: options.order,
      unit: options.unit,
      exclusions: options.exclude.map((text) => parseStep(text, "--exclude")),
      segment: parseWhere(options.where),
    },
    periodA: parsePeriod(options.periodA, "--period-a"),
    periodB: parsePeriod(options.periodB, "--period-b"),
    transition: parseTransition(options.transition, steps.length),
  };
}

/** `FROM..TO`, each a UTC date (YYYY-MM-DD) or an ISO instant ending in Z; TO is excluded. */
function parsePeriod(text: string, flag: string): Period {
  const [fromText, toText, ...rest] = text.split("..");
  const from = parseInstant(fromText);
  const to = parseInstant(toText);
  if (from === undefined || to === undefined || rest.length > 0) {
    throw new UsageError(`${flag} "${text}" is not a period; use FROM..TO, e.g. 2024-01-01..2024-01-15`);
  }
  if (from >= to) throw new UsageError(`${flag} "${text}": the start must be before the end`);
  return { from, to };
}

function parseTransition(text: string | undefined, stepCount: number): number | undefined {
  if (text === undefined) return undefined;
  const step = Number(text);
  if (!Number.isInteger(step) || step < 1 || step >= stepCount) {
    throw new UsageError(
      `--transition "${text}" must be a step number from 1 to ${stepCount - 1} (step N → N+1)`,
    );
  }
  return step;
}

function render(comparison: PeriodComparison, format: CompareOptions["format"]): string {
  if (format === "json") return `${JSON.stringify(comparison, null, 2)}\n`;
  if (format === "csv") return renderCsv(comparison);
  return renderTable(comparison);
}

const CSV_HEADER = [
  "from_step",
  "to_step",
  "from_name",
  "to_name",
  "reached_a",
  "converted_a",
  "conversion_a",
  "reached_b",
  "converted_b",
  "conversion_b",
  "difference_pp",
  "ci_low_pp",
  "ci_high_pp",
  "p_value",
  "verdict",
  "warnings",
];

function renderCsv(comparison: PeriodComparison): string {
  const rows = comparison.transitions.map((t) =>
    [
      t.fromStep,
      t.toStep,
      t.fromName,
      t.toName,
      t.a.reached,
      t.a.converted,
      t.a.conversion,
      t.b.reached,
      t.b.converted,
      t.b.conversion,
      t.differencePoints,
      t.interval?.low ?? null,
      t.interval?.high ?? null,
      t.pValue,
      t.verdict,
      [...comparison.warnings, ...t.warnings].join("; "),
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[CSV_HEADER.join(","), ...rows].join("\n")}\n`;
}

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function renderTable(comparison: PeriodComparison): string {
  const rows = [
    ["TRANSITION", "A", "B", "DIFFERENCE"],
    ...comparison.transitions.map((t) => [
      `${t.fromName} → ${t.toName}`,
      sampleText(t.a),
      sampleText(t.b),
      t.summary,
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  lines.unshift(`A: ${periodText(comparison.periodA)}   B: ${periodText(comparison.periodB)}`, "");
  const warnings = [
    ...comparison.warnings,
    ...comparison.transitions.flatMap((t) => t.warnings.map((w) => `${t.fromName} → ${t.toName}: ${w}`)),
  ];
  if (warnings.length > 0) lines.push("", ...warnings.map((w) => `Warning: ${w}`));
  return `${lines.join("\n")}\n`;
}

function sampleText(sample: TransitionComparison["a"]): string {
  return `${formatPercent(sample.conversion, "en")} (${sample.converted}/${sample.reached})`;
}

function periodText(period: Period): string {
  return `${new Date(period.from).toISOString()} .. ${new Date(period.to).toISOString()}`;
}
