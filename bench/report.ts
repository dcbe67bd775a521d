import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ApiLoadResult, LoadStats } from "./api-load.js";
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

/** The goals, judged on the numbers of this run. */
export function judgeGoals(api: ApiLoadResult, tropa: BrowserSummary): Goal[] {
  const saves = api.saves;
  return [
    {
      goal: `API save p99 < ${GOALS.apiP99Ms} ms with ${api.connections} concurrent clients`,
      measured: `${ms(saves.latency.p99)} ms`,
      met: saves.latency.p99 < GOALS.apiP99Ms,
    },
    {
      goal: "every save accepted (no non-2xx, no socket errors) and none lost",
      measured: `${saves.ok} × 2xx, ${saves.notOk} non-2xx, ${saves.errors} errors, ${api.check.lost} maps with lost edits`,
      met: saves.notOk === 0 && saves.errors === 0 && api.check.lost === 0,
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
      `each save sends the whole map (${kib(sizes.saveBodyBytes)}); ${api.connections} connections × ${api.seconds} s per scenario`,
    `- API baseline: GET ${sizes.staticFile} (${sizes.staticBytes} B) from the same server`,
    `- Browser: one map of ${large.stages} stages × ${large.lanes} lanes (${large.cardLanes} card lanes, emotion, metrics), ` +
      `${large.cards} cards, ${kib(large.jsonBytes)} of JSON; ${sizes.loads} loads and ${sizes.edits} edits per page`,
    `- Browser peer: the same content as one static HTML table (${kib(sizes.plainHtmlBytes)})`,
  ].join("\n");
}

export function renderTable(results: BenchResults): string {
  const { api, browser } = results;
  const saves = api.saves;
  const base = api.baseline;
  const { tropa, plain } = browser;
  const rows: string[][] = [
    ["Measure", "Tropa", "Peer", "Tropa ÷ peer", "Goal", "Met"],
    ["**API** (peer: static file, same server)", "PUT map", `GET ${api.staticFile}`, "", "", ""],
    ...latencyRows(saves, base),
    [
      "requests/s",
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
      `${api.check.exact} / ${api.check.cutAtEnd} / ${api.check.lost}`,
      "",
      "",
      "0 lost",
      yesNo(api.check.lost === 0),
    ],
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

function latencyRows(saves: LoadStats, base: LoadStats): string[][] {
  const row = (label: string, a: number, b: number, goal = "", met = ""): string[] => [
    `latency ${label}, ms`,
    ms(a),
    ms(b),
    ratio(a, b),
    goal,
    met,
  ];
  return [
    row("p50", saves.latency.p50, base.latency.p50),
    row("p90", saves.latency.p90, base.latency.p90),
    row(
      "p99",
      saves.latency.p99,
      base.latency.p99,
      `< ${GOALS.apiP99Ms}`,
      yesNo(saves.latency.p99 < GOALS.apiP99Ms),
    ),
    row("max", saves.latency.max, base.latency.max),
  ];
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
