import { type Command, Option } from "commander";
import { parseDuration } from "../../analytics/duration.js";
import { PRESETS } from "../../analytics/import/read-event-file.js";
import { FUNNEL_ORDERS, FUNNEL_UNITS, type FunnelResult } from "../../domain/analytics/funnel-query.js";
import { formatPercent } from "../../domain/funnel.js";
import type { CliIo } from "../cli-io.js";
import { type EventFileOptions, withEventFile } from "../event-file-store.js";
import { UsageError } from "../usage-error.js";

const FORMATS = ["table", "json", "csv"] as const;

type FunnelOptions = EventFileOptions & {
  steps: string;
  window: string;
  order: (typeof FUNNEL_ORDERS)[number];
  unit: (typeof FUNNEL_UNITS)[number];
  exclude: string[];
  format: (typeof FORMATS)[number];
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
    .requiredOption("--steps <events>", "the step event names in order, comma-separated: visit,signup,pay")
    .option("--window <duration>", "conversion window from the first step, e.g. 30m, 12h, 7d, 2w", "14d")
    .addOption(new Option("--order <order>", "step order").choices(FUNNEL_ORDERS).default("sequential"))
    .addOption(
      new Option("--unit <unit>", "count people or sessions").choices(FUNNEL_UNITS).default("person"),
    )
    .option("--exclude <event>", "drop people who do this event between the steps (repeatable)", collect, [])
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--preset <name>", `read the file as a known export (${PRESETS.join(", ")})`)
    .option("--map <mapping>", "event columns: person=COL,time=COL,event=COL[,id=COL]")
    .option("--skip-invalid", "count the valid rows only; how many were skipped goes to stderr")
    .action(async (options: FunnelOptions) => {
      const query = queryOf(options);
      await withEventFile(io, options, async (store) => {
        io.out(render(await store.engine().getFunnel(query), options.format));
      });
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function queryOf(options: FunnelOptions) {
  const steps = options.steps
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (steps.length === 0)
    throw new UsageError("--steps needs at least one event name, e.g. --steps visit,signup");
  const windowMs = parseDuration(options.window);
  if (windowMs === undefined)
    throw new UsageError(`--window "${options.window}" is not a duration; use e.g. 30m, 12h, 7d`);
  if (steps.length < 2 && options.exclude.length > 0)
    throw new UsageError("--exclude needs at least two steps");
  return {
    steps: steps.map((event) => ({ name: event, event })),
    windowMs,
    order: options.order,
    unit: options.unit,
    exclusions: options.exclude.map((event) => ({ event })),
  };
}

function render(result: FunnelResult, format: FunnelOptions["format"]): string {
  if (format === "json") return `${JSON.stringify(result, null, 2)}\n`;
  if (format === "csv") return renderCsv(result);
  return renderTable(result);
}

function renderCsv(result: FunnelResult): string {
  const lines = ["step,name,people,conversion_from_previous,conversion_from_start,lost"];
  result.steps.forEach((step, i) => {
    const cells = [
      String(i + 1),
      csvCell(step.name),
      String(step.people),
      step.conversionFromPrevious === null ? "" : String(step.conversionFromPrevious),
      step.conversionFromStart === null ? "" : String(step.conversionFromStart),
      String(step.lost),
    ];
    lines.push(cells.join(","));
  });
  return `${lines.join("\n")}\n`;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function renderTable(result: FunnelResult): string {
  const rows = [
    ["STEP", "NAME", "PEOPLE", "FROM PREVIOUS", "FROM START", "LOST"],
    ...result.steps.map((step, i) => [
      String(i + 1),
      step.name,
      String(step.people),
      formatPercent(step.conversionFromPrevious, "en"),
      formatPercent(step.conversionFromStart, "en"),
      String(step.lost),
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
  const barrier = result.keyBarrier.largestLoss;
  if (barrier) {
    lines.push(
      "",
      `Key barrier: ${barrier.fromName} → ${barrier.toName} keeps ${formatPercent(barrier.conversion, "en")} (${barrier.lost} lost)`,
    );
  }
  if (result.excluded > 0) lines.push(`Excluded: ${result.excluded}`);
  return `${lines.join("\n")}\n`;
}
