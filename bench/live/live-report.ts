import type { Machine } from "../machine.js";
import { round } from "../stats.js";
import type { ScenarioResult } from "./live-scenario.js";

export interface LiveRun {
  scenario: "oneMap" | "separateMaps";
  title: string;
  target: "tropa" | "relay";
  result: ScenarioResult;
  rssMiB: { startMiB: number; peakMiB: number; endMiB: number };
}

export interface LiveResults {
  startedAt: string;
  totalSeconds: number;
  machine: Machine & { loadAverageAtEnd: number };
  seconds: number;
  pace: { minEditMs: number; maxEditMs: number; sharedEvery: number };
  template: string;
  mapJsonBytes: number;
  separateMapJsonBytes: number;
  runs: LiveRun[];
}

/** Every last edit reached every tab (and Tropa's stored maps), and every map's tabs agree. */
export function lostEditsIn(results: LiveResults): number {
  return results.runs.reduce((sum, run) => sum + run.result.lostEdits + run.result.divergedMaps, 0);
}

/** The "Live co-editing: the run" section of BENCHMARKS.md, ready to paste. */
export function renderLiveSection(results: LiveResults): string {
  const { machine, pace } = results;
  const lines = [
    "Machine:",
    "",
    `- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}`,
    `- Load average (1 min) at start: ${machine.loadAverage}, at end: ${machine.loadAverageAtEnd}`,
    "",
    "Data:",
    "",
    `- Maps from the ${results.template} template plus the editors' cards: the one map ${kib(results.mapJsonBytes)} of JSON, ` +
      `each separate map ${kib(results.separateMapJsonBytes)}`,
    `- Each editor edits every ${pace.minEditMs}–${pace.maxEditMs} ms (uniform), for ${results.seconds} s; ` +
      `1 edit in ${pace.sharedEvery} rewrites its own line of a shared card, the others its own card's text`,
    "",
    `Results (${results.startedAt}, ${results.totalSeconds} s):`,
    "",
    "| Measure | Tropa | Relay (peer) | Tropa ÷ peer |",
    "| --- | --- | --- | --- |",
  ];
  for (const scenario of ["oneMap", "separateMaps"] as const) {
    const tropa = results.runs.find((r) => r.scenario === scenario && r.target === "tropa");
    const relay = results.runs.find((r) => r.scenario === scenario && r.target === "relay");
    if (!tropa || !relay) continue;
    const t = tropa.result;
    const r = relay.result;
    lines.push(`| **${tropa.title}** (${t.connections} connections) |  |  |  |`);
    lines.push(row("edits/s", round(t.editsPerSecond), round(r.editsPerSecond)));
    lines.push(row("edit → other tab sees it, p50, ms", round(t.latencyMs.p50), round(r.latencyMs.p50)));
    lines.push(row("… p99, ms", round(t.latencyMs.p99), round(r.latencyMs.p99)));
    lines.push(row("… max, ms", round(t.latencyMs.max), round(r.latencyMs.max)));
    lines.push(
      `| deliveries seen / expected | ${t.deliveries.seen} / ${t.deliveries.expected} | ${r.deliveries.seen} / ${r.deliveries.expected} |  |`,
    );
    lines.push(row("server RSS peak, MiB", round(tropa.rssMiB.peakMiB), round(relay.rssMiB.peakMiB)));
    lines.push(
      row("server RSS before the scenario, MiB", round(tropa.rssMiB.startMiB), round(relay.rssMiB.startMiB)),
    );
    lines.push(
      `| lost edits (tabs${t.storedChecked ? " + stored map" : ""} / tabs) | ${t.lostEdits} | ${r.lostEdits} |  |`,
    );
    lines.push(`| maps whose tabs diverged | ${t.divergedMaps} | ${r.divergedMaps} |  |`);
  }
  const lost = lostEditsIn(results);
  lines.push(
    "",
    lost === 0 ? "**lost edits: 0**" : `**LOST EDITS: ${lost}** — see the problems printed above`,
  );
  return lines.join("\n");
}

function row(measure: string, tropa: number, peer: number): string {
  const ratio = peer > 0 ? `×${round(tropa / peer, 2)}` : "";
  return `| ${measure} | ${tropa} | ${peer} | ${ratio} |`;
}

function kib(bytes: number): string {
  return `${round(bytes / 1024)} KiB`;
}
