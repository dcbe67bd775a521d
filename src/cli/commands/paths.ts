import { type Command, InvalidArgumentError, Option } from "commander";
import { PRESETS } from "../../analytics/import/read-event-file.js";
import {
  DEFAULT_MAX_DEPTH,
  DEFAULT_TOP,
  MAX_MAX_DEPTH,
  MAX_TOP,
  MIN_MAX_DEPTH,
  PATH_UNITS,
  type PathsQueryInput,
  type PathsResult,
} from "../../domain/analytics/paths-query.js";
import { formatPercent } from "../../domain/funnel.js";
import type { CliIo } from "../cli-io.js";
import { type EventFileOptions, withEventFile } from "../event-file-store.js";
import { collect, parseSteps, parseWhere, stepsHelp, WHERE_FLAG, WHERE_HELP } from "./query-flags.js";

const FORMATS = ["table", "json", "csv"] as const;

type PathsOptions = EventFileOptions & {
  stages: string;
  top: number;
  unit: (typeof PATH_UNITS)[number];
  maxDepth: number;
  where: string[];
  format: (typeof FORMATS)[number];
};

/**
 * `tropa paths --events FILE --stages a,b,c`: how people move between stages, back and forth,
 * straight from an event file loaded as `tropa funnel --events` loads it; no workspace.
 */
export function registerPaths(program: Command, io: CliIo): void {
  program
    .command("paths")
    .description(
      "how people move between stages, back and forth, from an events file (see docs/analytics.md)",
    )
    .requiredOption(
      "--events <file>",
      "event file as for tropa import: .csv/.tsv with person,time,event columns, .ndjson/.jsonl/.json, .xes (also .gz, .zip)",
    )
    .requiredOption("--stages <events>", stepsHelp("stage"))
    .option(`--top <n>`, `how many paths and next events to list (1–${MAX_TOP})`, parseTop, DEFAULT_TOP)
    .addOption(
      new Option("--unit <unit>", "count people, or sessions (cut after 30 minutes without any event)")
        .choices(PATH_UNITS)
        .default("person"),
    )
    .option(
      "--max-depth <n>",
      `layers of the graph in --format json (${MIN_MAX_DEPTH}–${MAX_MAX_DEPTH})`,
      parseMaxDepth,
      DEFAULT_MAX_DEPTH,
    )
    .option(WHERE_FLAG, WHERE_HELP, collect, [])
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--preset <name>", `read the file as a known export (${PRESETS.join(", ")})`)
    .option("--map <mapping>", "event columns: person=COL,time=COL,event=COL[,id=COL]")
    .option("--skip-invalid", "count the valid rows only; how many were skipped goes to stderr")
    .action(async (options: PathsOptions) => {
      const query = queryOf(options);
      await withEventFile(io, options, async (store) => {
        io.out(render(await store.engine().getPaths(query), options));
      });
    });
}

function parseTop(value: string): number {
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_TOP}`);
  return top;
}

function parseMaxDepth(value: string): number {
  const depth = Number(value);
  if (!Number.isInteger(depth) || depth < MIN_MAX_DEPTH || depth > MAX_MAX_DEPTH)
    throw new InvalidArgumentError(`must be a whole number from ${MIN_MAX_DEPTH} to ${MAX_MAX_DEPTH}`);
  return depth;
}

function queryOf(options: PathsOptions): PathsQueryInput {
  return {
    stages: parseSteps(options.stages, "--stages", 1),
    segment: parseWhere(options.where),
    top: options.top,
    unit: options.unit,
    maxDepth: options.maxDepth,
  };
}

function render(result: PathsResult, options: PathsOptions): string {
  if (options.format === "json") return `${JSON.stringify(result, null, 2)}\n`;
  if (options.format === "csv") return renderCsv(result);
  return renderTable(result, options.unit === "session" ? "Sessions" : "People");
}

const ARROW = " → ";

/** One long table, a `section` column saying which part of the result each row is. */
function renderCsv(result: PathsResult): string {
  const header = "section,from,to,direction,path,event,back_moves,people,transitions";
  const rows = [
    ...result.transitions.map((t) => [
      "transition",
      t.fromName,
      t.toName,
      t.direction,
      "",
      "",
      "",
      t.people,
      t.transitions,
    ]),
    ...result.backMoves.distribution.map((d) => [
      "back_moves",
      "",
      "",
      "",
      "",
      "",
      d.backMoves,
      d.people,
      "",
    ]),
    ...result.topPaths.map((p) => ["path", "", "", "", p.names.join(ARROW), "", "", p.people, ""]),
    ...result.dropOffs.flatMap((d) => [
      ["stopped", d.name, "", "", "", "", "", d.people, ""],
      ...d.nextEvents.map((n) => ["next_event", d.name, "", "", "", n.event, "", n.people, ""]),
    ]),
  ];
  const lines = rows.map((row) => row.map((cell) => csvCell(String(cell))).join(","));
  return `${[header, ...lines].join("\n")}\n`;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `units` names what was counted: "People", or "Sessions" with --unit session. */
function renderTable(result: PathsResult, units: string): string {
  const share = (people: number) =>
    formatPercent(result.people === 0 ? null : (people / result.people) * 100, "en");
  const sections = [
    `${units}: ${result.people}; went back at least once: ${result.backMoves.people} (${share(result.backMoves.people)})`,
    table([["PEOPLE", "PATH"], ...result.topPaths.map((p) => [String(p.people), p.names.join(ARROW)])]),
    table([
      ["FROM", "TO", "DIRECTION", "PEOPLE", "MOVES"],
      ...result.transitions.map((t) => [
        t.fromName,
        t.toName,
        t.direction,
        String(t.people),
        String(t.transitions),
      ]),
    ]),
    table([
      ["BACK MOVES", "PEOPLE"],
      ...result.backMoves.distribution.map((d) => [String(d.backMoves), String(d.people)]),
    ]),
    table([
      ["STOPPED AT", "PEOPLE", "NEXT EVENTS"],
      ...result.dropOffs.map((d) => [d.name, String(d.people), nextEventsText(d)]),
    ]),
  ];
  return `${sections.join("\n\n")}\n`;
}

function nextEventsText(dropOff: PathsResult["dropOffs"][number]): string {
  const parts = dropOff.nextEvents.map((n) => `${n.event} ${n.people}`);
  if (dropOff.noNextEvent > 0) parts.push(`(nothing) ${dropOff.noNextEvent}`);
  return parts.join(", ");
}

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
