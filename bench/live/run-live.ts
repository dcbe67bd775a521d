import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { JourneyMap } from "../../src/domain/journey-map.js";
import { describeMachine } from "../machine.js";
import { type ServerProcess, startServerProcess } from "../server-process.js";
import { createMap, firstWorkspaceId, getMap, putMap, type Session, setUpOwner } from "../tropa-api.js";
import { type LiveResults, type LiveRun, lostEditsIn, renderLiveSection } from "./live-report.js";
import { type Participant, runLiveScenario } from "./live-scenario.js";
import { addBenchCards, type MapLayout } from "./map-layout.js";
import { mapLimited } from "./map-limited.js";
import { type RelayProcess, startRelayProcess } from "./relay-process.js";
import { sampleRss } from "./rss-sampler.js";
import { signUpEditor } from "./sign-up-editor.js";

/** LIVE_SECONDS shortens the editing phase for a quick look; the published numbers use the default. */
const SECONDS = Number(process.env.LIVE_SECONDS ?? 25);
const TEMPLATE = "example-subscription-club";
const ONE_MAP_EDITORS = 50;
const ONE_MAP_SHARED_CARDS = 5;
const SEPARATE_MAPS = 200;
const PACE = { minEditMs: 1000, maxEditMs: 2000, sharedEvery: 4 };

export interface LiveScenarioPlan {
  key: "oneMap" | "separateMaps";
  title: string;
  participants: Participant[];
}

/**
 * `npm run bench -- --only live`: live co-editing on the real server (own process, fresh SQLite) beside a
 * bare y-websocket relay with the same clients. Returns the results; the caller prints and saves them.
 */
export async function runLiveBench(log: (message: string) => void): Promise<LiveResults> {
  const started = performance.now();
  const machine = describeMachine();
  const workDir = mkdtempSync(path.join(tmpdir(), "tropa-live-bench-"));
  let server: ServerProcess | undefined;
  let relay: RelayProcess | undefined;
  try {
    server = await startServerProcess({ dataDir: path.join(workDir, "data"), webDir: workDir });
    log(`Tropa (embedded SQLite in ${workDir}/data) at ${server.url}, pid ${server.pid}`);
    const url = server.url;
    const owner = await setUpOwner(url);
    const workspaceId = await firstWorkspaceId(url, owner);
    log(`owner set up; signing up ${SEPARATE_MAPS} editors through invitation links`);
    const editors = await mapLimited(
      Array.from({ length: SEPARATE_MAPS }, (_, i) => i),
      4,
      (i) => signUpEditor(url, owner, workspaceId, i),
    );
    log(`creating 1 + ${SEPARATE_MAPS} maps from the ${TEMPLATE} template`);
    const prepare = async (editorCount: number, shared: number) => {
      const created = await createMap(url, owner, workspaceId, { templateId: TEMPLATE, lang: "en" });
      const { map, layout } = addBenchCards(created.map, editorCount, shared);
      await putMap(url, owner, { map, revision: created.revision });
      return { map, layout };
    };
    const oneMap = await prepare(ONE_MAP_EDITORS, ONE_MAP_SHARED_CARDS);
    const separate = await mapLimited(Array.from({ length: SEPARATE_MAPS }), 8, () => prepare(1, 1));
    const mapsFile = path.join(workDir, "relay-maps.json");
    const allMaps = [oneMap, ...separate].map((m) => [m.map.id, m.map] as const);
    writeFileSync(mapsFile, JSON.stringify(Object.fromEntries(allMaps)));
    relay = await startRelayProcess(mapsFile);
    log(`relay (peer) at ${relay.url}, pid ${relay.pid}`);

    const plans: LiveScenarioPlan[] = [
      {
        key: "oneMap",
        title: `${ONE_MAP_EDITORS} editors on one map`,
        participants: editors
          .slice(0, ONE_MAP_EDITORS)
          .map((session, i) => editorOf(session, i, oneMap.layout, i)),
      },
      {
        key: "separateMaps",
        title: `${SEPARATE_MAPS} editors on ${SEPARATE_MAPS} maps (+ a watching tab each)`,
        participants: separate.flatMap(({ layout }, i) => {
          const editor = editorOf(editors[i] as Session, i, layout, 0);
          return [editor, { author: i, mapId: layout.mapId, cookie: editor.cookie }];
        }),
      },
    ];
    const readStored = async (mapId: string): Promise<JourneyMap> => (await getMap(url, owner, mapId)).map;
    const runs: LiveRun[] = [];
    for (const plan of plans) {
      for (const target of [
        { label: "tropa" as const, url, pid: server.pid, readStored },
        { label: "relay" as const, url: relay.url, pid: relay.pid },
      ]) {
        const tag = `${plan.key}/${target.label}`;
        log(`${tag}: ${plan.title}, ${plan.participants.length} tabs`);
        const rss = sampleRss(target.pid);
        const result = await runLiveScenario({
          serverUrl: target.url,
          participants: plan.participants,
          seconds: SECONDS,
          ...PACE,
          ...(target.label === "tropa" ? { readStored } : {}),
          log: (message) => log(`${tag}: ${message}`),
        });
        const memory = rss();
        runs.push({ scenario: plan.key, title: plan.title, target: target.label, result, rssMiB: memory });
        log(
          `${tag}: p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, ` +
            `peak RSS ${memory.peakMiB.toFixed(0)} MiB, lost edits: ${result.lostEdits}`,
        );
      }
    }
    return {
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString().replace(/\.\d+Z$/, "Z"),
      totalSeconds: Math.round((performance.now() - started) / 1000),
      machine: { ...machine, loadAverageAtEnd: Math.round((os.loadavg()[0] ?? 0) * 10) / 10 },
      seconds: SECONDS,
      pace: PACE,
      template: TEMPLATE,
      mapJsonBytes: Buffer.byteLength(JSON.stringify(oneMap.map)),
      separateMapJsonBytes: Buffer.byteLength(JSON.stringify(separate[0]?.map)),
      runs,
    };
  } finally {
    await relay?.stop();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function editorOf(session: Session, author: number, layout: MapLayout, card: number): Participant {
  const own = layout.ownCards[card];
  const shared = layout.sharedCards[card % layout.sharedCards.length];
  if (!own || !shared) throw new Error(`map ${layout.mapId} has no card for editor ${author}`);
  return { author, mapId: layout.mapId, cookie: session.cookie, cards: { own, shared } };
}

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "../results/live.json");

/**
 * The live suite as `npm run bench` runs it: progress on stderr, then the section to paste into
 * BENCHMARKS.md on stdout; raw numbers in bench/results/live.json. Exits 1 when an edit was lost.
 */
export async function runLiveSuite(): Promise<void> {
  const started = performance.now();
  const log = (message: string) => {
    const elapsed = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
    process.stderr.write(`[${elapsed} s] live: ${message}\n`);
  };
  const results = await runLiveBench(log);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const problems = results.runs.flatMap((run) =>
    run.result.problems.map((problem) => `${run.scenario}/${run.target}: ${problem}`),
  );
  console.log(`
----- BENCHMARKS.md: replace the section "Live co-editing: the run" with everything up to the closing marker -----
${renderLiveSection(results)}
----- end of the section -----
${problems.length > 0 ? `\nProblems:\n${problems.join("\n")}\n` : ""}
Raw numbers: bench/results/live.json`);
  if (lostEditsIn(results) > 0) {
    console.error(`LIVE BENCH FAILED: ${lostEditsIn(results)} lost or diverged edits`);
    process.exitCode = 1;
  }
}
