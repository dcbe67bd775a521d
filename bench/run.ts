import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isCardLane } from "../src/domain/journey-map.js";
import { renderAnalyticsSection } from "./analytics/analytics-report.js";
import { parseEventCount, runAnalyticsBench } from "./analytics/run-analytics.js";
import { runApiLoad } from "./api-load.js";
import { runBrowserLoad } from "./browser-load.js";
import { buildLargeMap, listCards } from "./large-map.js";
import { runLiveSuite } from "./live/run-live.js";
import { describeMachine } from "./machine.js";
import { renderPlainTable, servePlainTable } from "./plain-table.js";
import {
  type BenchResults,
  judgeGoals,
  renderMachine,
  renderRunSection,
  summarizeBrowser,
  writeResults,
} from "./report.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";
import { createMap, firstWorkspaceId, sessionCookie, setUpOwner } from "./tropa-api.js";

/*
 * `npm run bench`: the issue's two performance goals, each beside a peer measured in the same run.
 * BENCH_SECONDS shortens the API scenarios for a quick look; the published numbers use the default.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/**
 * `npm run bench -- --only analytics` (or `--only ui`, `--only live`) runs one part; `--events 1m,10m` sets the
 * journey-analytics sizes (default 1M and 10M; `--events 100m` is the large run, never a default).
 */
const { values: flags } = parseArgs({
  options: { only: { type: "string" }, events: { type: "string", default: "1m,10m" } },
});
const ANALYTICS_SIZES = (flags.events ?? "1m,10m").split(",").map(parseEventCount);
const ANALYTICS_FILE = "bench/results/analytics.json";
const CONNECTIONS = 200;
const LOADS = 5;
const EDITS = 20;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS_FILE = path.join(ROOT, "bench/results/latest.json");

const started = performance.now();

function log(stage: string, message: string): void {
  const elapsed = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${elapsed} s] ${stage}: ${message}`);
}

/** Builds the UI into the bench's own folder, so a concurrent `npm run build` cannot change what is measured. */
function buildWebUi(outDir: string): void {
  log("build", `npx vite build → ${outDir}`);
  execFileSync("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/** Spreads the edited cards evenly over the map, first lane to last. */
function spread<T>(items: T[], count: number): T[] {
  return Array.from({ length: count }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / count)] as T);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  console.log(`Machine\n${renderMachine(machine)}\n`);
  const workDir = mkdtempSync(path.join(tmpdir(), "tropa-bench-"));
  let server: ServerProcess | undefined;
  let plainServer: { url: string; close(): Promise<void> } | undefined;
  try {
    const webDir = path.join(workDir, "web");
    buildWebUi(webDir);
    server = await startServerProcess({ dataDir: path.join(workDir, "data"), webDir });
    log("server", `Tropa (embedded SQLite in ${workDir}/data) at ${server.url}, pid ${server.pid}`);

    // Every API call needs a session since issue 4: the owner signs up once, as the first visitor does.
    const owner = await setUpOwner(server.url);
    log("server", `owner ${owner.email} set up`);

    log("api", `${CONNECTIONS} clients, ${SECONDS} s per scenario`);
    const api = await runApiLoad(server.url, {
      session: owner,
      connections: CONNECTIONS,
      seconds: SECONDS,
      log: (message) => log("api", message),
    });

    log("browser", "building the large map with the domain operations");
    const largeMap = buildLargeMap();
    const created = await createMap(server.url, owner, await firstWorkspaceId(server.url, owner), {
      map: largeMap,
    });
    const tropaCards = listCards(created.map);
    const html = renderPlainTable(largeMap);
    plainServer = await servePlainTable(html);
    log("browser", `${tropaCards.length} cards; opening ${LOADS} times and editing ${EDITS} cards per page`);
    const browserRaw = await runBrowserLoad(
      {
        tropa: {
          label: "map editor",
          url: `${server.url}/#/maps/${created.map.id}`,
          cookie: sessionCookie(owner),
          cardCount: tropaCards.length,
          editCardIds: spread(tropaCards, EDITS).map((card) => card.cardId),
        },
        plain: {
          label: "plain table",
          url: plainServer.url,
          cardCount: tropaCards.length,
          editCardIds: spread(listCards(largeMap), EDITS).map((card) => card.cardId),
        },
      },
      { loads: LOADS, log: (message) => log("browser", message) },
    );

    const tropa = summarizeBrowser(browserRaw.tropa);
    const results: BenchResults = {
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString().replace(/\.\d+Z$/, "Z"),
      totalSeconds: Math.round((performance.now() - started) / 1000),
      machine: {
        ...machine,
        chromium: browserRaw.chromium,
        loadAverageAtEnd: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
      },
      sizes: {
        apiMaps: CONNECTIONS,
        apiMapJsonBytes: api.mapJsonBytes,
        saveBodyBytes: api.saveBodyBytes,
        staticFile: api.staticFile,
        staticBytes: api.staticBytes,
        largeMap: {
          stages: largeMap.stages.length,
          lanes: largeMap.lanes.length,
          cardLanes: largeMap.lanes.filter(isCardLane).length,
          cards: tropaCards.length,
          jsonBytes: Buffer.byteLength(JSON.stringify(created.map)),
        },
        plainHtmlBytes: Buffer.byteLength(html),
        loads: LOADS,
        edits: EDITS,
      },
      api,
      browser: { tropa, plain: summarizeBrowser(browserRaw.plain), raw: browserRaw },
      goals: judgeGoals(api, tropa),
    };
    writeResults(RESULTS_FILE, results);
    printReport(results);
    // Unmet latency goals are findings; a refused, failed or lost save is a bug.
    const scenarios = [api.paced, api.saturation];
    if (scenarios.some((s) => s.saves.notOk > 0 || s.saves.errors > 0 || s.check.lost > 0))
      process.exitCode = 1;
  } finally {
    await plainServer?.close();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The section to paste into BENCHMARKS.md, between two markers, then anything that went wrong. */
function printReport(results: BenchResults): void {
  const { paced, saturation } = results.api;
  const failures = [...paced.failures, ...saturation.failures];
  const problems = [...paced.check.problems, ...saturation.check.problems];
  console.log(`
----- BENCHMARKS.md: replace the section "The run" with everything up to the closing marker -----
${renderRunSection(results)}
----- end of the section -----
${failures.length > 0 ? `\nFirst failed saves:\n${failures.join("\n")}\n` : ""}${
  problems.length > 0 ? `\nLost edits:\n${problems.join("\n")}\n` : ""
}
Raw samples: ${path.relative(ROOT, RESULTS_FILE)}`);
}

/** Journey analytics (BENCHMARKS.md "Journey analytics"): import, funnel, paths, memory, beside chdb. */
async function runAnalytics(): Promise<void> {
  const machine = describeMachine();
  log("analytics", `sizes ${ANALYTICS_SIZES.map((n) => n.toLocaleString("en")).join(", ")} events`);
  const sizes = await runAnalyticsBench(ANALYTICS_SIZES, (message) => log("analytics", message));
  const results = {
    startedAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    machine: { ...machine, loadAverageAtEnd: Math.round((os.loadavg()[0] ?? 0) * 10) / 10 },
    sizes,
  };
  writeFileSync(path.join(ROOT, ANALYTICS_FILE), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`
----- BENCHMARKS.md: replace the section "Journey analytics: the run" with everything up to the closing marker -----
${renderAnalyticsSection(results)}
----- end of the section -----
Raw numbers: ${ANALYTICS_FILE}`);
}

if (!flags.only || flags.only === "ui") await main();
if (!flags.only || flags.only === "live") await runLiveSuite();
if (!flags.only || flags.only === "analytics") await runAnalytics();
