import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ApiLoadResult, ApiScenario, LoadStats } from "./api-load.js";
import type { BrowserResult, BrowserTimes } from "./browser-load.js";
import type { Machine } from "./machine.js";
import { percentile, round } from "./stats.js";

export const GOALS = { apiP99Ms: 100, openMs: 1000, editRepaintMs: 50 } as const;

export interface DataSizes {
  apiMaps: number;
  apiMapJsonBytes: number;
  saveBodyBytes: number;
  staticFile: string;
  staticBytes: number;
  largeMap: { stages: number; lanes: number; cardLanes: number; cards: number; jsonBytes: number };
  plainHtmlBytes: number;
  loads: number;
  edits: number;
}

export interface BrowserSummary {
  openMedianMs: number;
  openMinMs: number;
  openMaxMs: number;
  mapDataMedianMs: number | null;
  editMedianMs: number;
  editP95Ms: number;
  editMaxMs: number;
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export interface BenchResults {
  startedAt: string;
  totalSeconds: number;
  machine: Machine & { chromium: string; loadAverageAtEnd: number };
  sizes: DataSizes;
  api: ApiLoadResult;
  browser: { tropa: BrowserSummary; plain: BrowserSummary; raw: BrowserResult };
  goals: Goal[];
}

export function summarizeBrowser(times: BrowserTimes): BrowserSummary {
  return {
    openMedianMs: round(percentile(times.openMs, 50)),
    openMinMs: round(percentile(times.openMs, 0)),
    openMaxMs: round(percentile(times.openMs, 100)),
    mapDataMedianMs: times.mapDataMs.length > 0 ? round(percentile(times.mapDataMs, 50)) : null,
    editMedianMs: round(percentile(times.editMs, 50)),
    editP95Ms: round(percentile(times.editMs, 95)),
    editMaxMs: round(percentile(times.editMs, 100)),
  };
}

/** The goals, judged on the numbers of this run; the latency goal on the paced scenario. */
export function judgeGoals(api: ApiLoadResult, tropa: BrowserSummary): Goal[] {
  const { paced, saturation } = api;
  const refused = paced.saves.notOk + saturation.saves.notOk;
  const errors = paced.saves.errors + saturation.saves.errors;
  const lost = paced.check.lost + saturation.check.lost;
  return [
    {
      goal:
        `API save p99 < ${GOALS.apiP99Ms} ms with ${api.connections} concurrent editors ` +
        `each autosaving every ${paced.periodMs} ± ${paced.jitterMs} ms (paced scenario)`,
      measured: `${ms(paced.saves.latency.p99)} ms at ${num(paced.saves.requestsPerSecond)} saves/s`,
      met: paced.saves.latency.p99 < GOALS.apiP99Ms,
    },
    {
      goal: "every save accepted (no non-2xx, no socket errors) and none lost, in both scenarios",
      measured: `${paced.saves.ok + saturation.saves.ok} × 2xx, ${refused} non-2xx, ${errors} errors, ${lost} maps with lost edits`,
      met: refused === 0 && errors === 0 && lost === 0,
    },
    {
      goal: `large map opens in < ${GOALS.openMs} ms (median of loads)`,
      measured: `${tropa.openMedianMs} ms`,
      met: tropa.openMedianMs < GOALS.openMs,
    },
    {
      goal: `an edit repaints in < ${GOALS.editRepaintMs} ms (p95 of edits)`,
      measured: `${tropa.editP95Ms} ms (median ${tropa.editMedianMs} ms)`,
      met: tropa.editP95Ms < GOALS.editRepaintMs,
    },
  ];
}

export function renderMachine(machine: Machine & { chromium?: string; loadAverageAtEnd?: number }): string {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- Memory: ${machine.memoryGiB} GiB`,
    `- OS: ${machine.os}`,
    `- Load average (1 min) at start: ${machine.loadAverage}` +
      (machine.loadAverageAtEnd !== undefined ? `, at end: ${machine.loadAverageAtEnd}` : ""),
    `- Node ${machine.node}` +
      (machine.chromium ? `, Chromium ${machine.chromium} (headless, software rendering)` : ""),
  ].join("\n");
}

export function renderSizes(sizes: DataSizes, api: ApiLoadResult): string {
  const large = sizes.largeMap;
  return [
    `- API: ${sizes.apiMaps} maps from the example-subscription-club template, ${kib(sizes.apiMapJsonBytes)} of JSON each; ` +
      `each save sends the whole map (${kib(sizes.saveBodyBytes)}); ${api.connections} clients × ${api.seconds} s per scenario, ` +
      `each save scenario on its own ${sizes.apiMaps} fresh maps`,
    `- API paced: each client one request every ${api.paced.periodMs} ± ${api.paced.jitterMs} ms on its own keep-alive ` +
      "connection (node:http), never two in flight; latency from the scheduled time",
    "- API saturation: each of the connections (autocannon) sends its next request as soon as the previous one is answered",
    `- API baseline: GET ${sizes.staticFile} (${sizes.staticBytes} B) from the same server`,
    `- Browser: one map of ${large.stages} stages × ${large.lanes} lanes (${large.cardLanes} card lanes, emotion, metrics), ` +
      `${large.cards} cards, ${kib(large.jsonBytes)} of JSON; ${sizes.loads} loads and ${sizes.edits} edits per page`,
    `- Browser peer: the same content as one static HTML table (${kib(sizes.plainHtmlBytes)})`,
  ].join("\n");
}

export function renderTable(results: BenchResults): string {
  const { api, browser } = results;
  const { tropa, plain } = browser;
  const paced = `${api.connections} editors, each saving every ${api.paced.periodMs} ± ${api.paced.jitterMs} ms`;
  const rows: string[][] = [
    ["Measure", "Tropa", "Peer", "Tropa ÷ peer", "Goal", "Met"],
    [
      `**API, paced** (${paced}; peer: static file, same schedule)`,
      "PUT map",
      `GET ${api.staticFile}`,
      "",
      "",
      "",
    ],
    ...scenarioRows(api.paced, true),
    [
      `**API, saturation** (${api.connections} connections back to back; peer: static file, same)`,
      "PUT map",
      `GET ${api.staticFile}`,
      "",
      "",
      "",
    ],
    ...scenarioRows(api.saturation, false),
    ["**Browser** (peer: static HTML table)", "map editor", "plain table", "", "", ""],
    [
      `open, median of ${results.sizes.loads} (min–max), ms`,
      `${tropa.openMedianMs} (${tropa.openMinMs}–${tropa.openMaxMs})`,
      `${plain.openMedianMs} (${plain.openMinMs}–${plain.openMaxMs})`,
      ratio(tropa.openMedianMs, plain.openMedianMs),
      `< ${GOALS.openMs}`,
      yesNo(tropa.openMedianMs < GOALS.openMs),
    ],
    ["… of which the map's JSON received, median, ms", String(tropa.mapDataMedianMs ?? "–"), "–", "", "", ""],
    [
      "edit repaint, median, ms",
      String(tropa.editMedianMs),
      String(plain.editMedianMs),
      ratio(tropa.editMedianMs, plain.editMedianMs),
      "",
      "",
    ],
    [
      `edit repaint, p95 of ${results.sizes.edits}, ms`,
      String(tropa.editP95Ms),
      String(plain.editP95Ms),
      ratio(tropa.editP95Ms, plain.editP95Ms),
      `< ${GOALS.editRepaintMs}`,
      yesNo(tropa.editP95Ms < GOALS.editRepaintMs),
    ],
    [
      "edit repaint, max, ms",
      String(tropa.editMaxMs),
      String(plain.editMaxMs),
      ratio(tropa.editMaxMs, plain.editMaxMs),
      "",
      "",
    ],
  ];
  const [header = [], ...body] = rows;
  return [line(header), line(header.map(() => "---")), ...body.map(line)].join("\n");
}

/** One API scenario's rows; the p99 goal is judged on the paced one only. */
function scenarioRows(scenario: ApiScenario, judged: boolean): string[][] {
  const { saves, baseline: base, check } = scenario;
  return [
    ...latencyRows(saves, base, judged),
    [
      "saves/s vs requests/s",
      num(saves.requestsPerSecond),
      num(base.requestsPerSecond),
      ratio(saves.requestsPerSecond, base.requestsPerSecond),
      "",
      "",
    ],
    [
      "2xx / non-2xx / errors",
      `${saves.ok} / ${saves.notOk} / ${saves.errors}`,
      `${base.ok} / ${base.notOk} / ${base.errors}`,
      "",
      "non-2xx = 0",
      yesNo(saves.notOk === 0 && saves.errors === 0),
    ],
    [
      "unanswered when the run ended (oldest, ms)",
      `${saves.unanswered} (${ms(saves.oldestUnansweredMs)})`,
      `${base.unanswered} (${ms(base.oldestUnansweredMs)})`,
      "",
      "",
      "",
    ],
    [
      "connections with no response in the whole run",
      String(saves.starvedConnections),
      String(base.starvedConnections),
      "",
      "",
      "",
    ],
    [
      "maps checked: exact / last save cut by the end / lost",
      `${check.exact} / ${check.cutAtEnd} / ${check.lost}`,
      "",
      "",
      "0 lost",
      yesNo(check.lost === 0),
    ],
  ];
}

function latencyRows(saves: LoadStats, base: LoadStats, judged: boolean): string[][] {
  const row = (label: string, a: number, b: number, goal = "", met = ""): string[] => [
    `latency ${label}, ms`,
    ms(a),
    ms(b),
    ratio(a, b),
    goal,
    met,
  ];
  const p99 = saves.latency.p99;
  return [
    row("p50", saves.latency.p50, base.latency.p50),
    row("p90", saves.latency.p90, base.latency.p90),
    judged
      ? row("p99", p99, base.latency.p99, `< ${GOALS.apiP99Ms}`, yesNo(p99 < GOALS.apiP99Ms))
      : row("p99", p99, base.latency.p99),
    row("max", saves.latency.max, base.latency.max),
  ];
}

/** The section "The run" of BENCHMARKS.md, complete, so a full run's output can be pasted over it as is. */
export function renderRunSection(results: BenchResults): string {
  return `## The run

Machine (the numbers only mean something next to it; a load average above the core count means other work
competed for the CPU):

${renderMachine(results.machine)}

Data:

${renderSizes(results.sizes, results.api)}

Results (${results.startedAt}, ${results.totalSeconds} s):

${renderTable(results)}

Goals, judged on this run:

${renderGoals(results.goals)}`;
}

export function renderGoals(goals: Goal[]): string {
  return goals.map((g) => `- ${g.met ? "MET" : "NOT MET"}: ${g.goal} — ${g.measured}`).join("\n");
}

/** Writes the whole result (raw samples included) for later comparison. */
export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

function line(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function ms(value: number): string {
  return String(round(value));
}

function num(value: number): string {
  return String(Math.round(value));
}

function kib(bytes: number): string {
  return `${round(bytes / 1024)} KiB`;
}

function ratio(a: number, b: number): string {
  return b > 0 && Number.isFinite(a) ? `×${round(a / b, 2)}` : "–";
}

function yesNo(met: boolean): string {
  return met ? "yes" : "**no**";
}
