import { rmSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { DuckDbEventStore } from "../../src/analytics/duckdb/duckdb-event-store.js";
import { DEFAULT_MAPPING } from "../../src/analytics/import/column-mapping.js";
import { importEventFile } from "../../src/analytics/import/import-event-file.js";
import type { FunnelQueryInput } from "../../src/domain/analytics/funnel-query.js";
import { FUNNEL_STEPS } from "./generate-events.js";
import { plainDuckDbFunnelSql } from "./plain-duckdb-funnel.js";
import { peakRssMiB, type Timed, timeRuns } from "./timing.js";

/**
 * Child process of the analytics bench (own process, so its peak memory is its own):
 * `tsx bench/analytics/measure-tropa.ts CSV PARQUET WORKDIR RUNS`. Imports the CSV and the Parquet
 * file into two DuckDB stores, runs the funnel, breakdown and paths on the engine and the plain
 * DuckDB SQL funnel on the same file, and prints one `RESULT {json}` line.
 */
const [csv = "", parquet = "", workDir = "", runsText = "3"] = process.argv.slice(2);
const RUNS = Number(runsText);
const WEEK_MS = 7 * 24 * 3600 * 1000;

export type TropaMeasures = {
  csvImport: { seconds: number; events: number; rssMiB: number };
  csvPeer: { seconds: number };
  parquetImport: { seconds: number; events: number; rssMiB: number };
  parquetPeer: { seconds: number };
  funnel: Timed & { steps: number[]; rssMiB: number };
  breakdown: (Timed & { groups: number; rssMiB: number }) | null;
  paths: Timed & { topPaths: number; rssMiB: number };
  plainSql: Timed & { steps: number[]; rssMiB: number };
  storeMiB: number;
};

function log(message: string): void {
  process.stderr.write(`  tropa: ${message}\n`);
}

/** Elapsed-time ticks while a single long call runs (the bulk CSV load has no row callbacks). */
function ticking(label: string): () => void {
  const started = performance.now();
  const timer = setInterval(
    () => log(`${label}… ${((performance.now() - started) / 1000).toFixed(0)} s`),
    5000,
  );
  return () => clearInterval(timer);
}

async function importFile(storeDir: string, file: string): Promise<{ seconds: number; events: number }> {
  rmSync(storeDir, { recursive: true, force: true });
  const store = await DuckDbEventStore.open(storeDir);
  const stop = ticking(`importing ${path.basename(file)}`);
  let lastLog = 0;
  try {
    const started = performance.now();
    const summary = await importEventFile(store, file, {
      mapping: DEFAULT_MAPPING,
      skipInvalid: false,
      onProgress: (p) => {
        if (p.elapsedMs - lastLog < 5000) return;
        lastLog = p.elapsedMs;
        log(
          `${path.basename(file)}: ${p.events.toLocaleString("en")} events, ${Math.round(p.events / (p.elapsedMs / 1000)).toLocaleString("en")}/s`,
        );
      },
    });
    const seconds = (performance.now() - started) / 1000;
    log(`${path.basename(file)}: ${summary.inserted.toLocaleString("en")} events in ${seconds.toFixed(2)} s`);
    return { seconds, events: summary.inserted };
  } finally {
    stop();
    store.close();
  }
}

/** The bare job for DuckDB: the same file into a plain table, no validation, no dedupe. */
async function peerLoad(dir: string, from: string): Promise<{ seconds: number }> {
  rmSync(dir, { recursive: true, force: true });
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  const instance = await DuckDBInstance.create(path.join(dir, "peer.duckdb"));
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(`CREATE TABLE events AS SELECT * FROM ${from}`);
  const seconds = (performance.now() - started) / 1000;
  connection.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
  return { seconds };
}

const FUNNEL: FunnelQueryInput = {
  steps: FUNNEL_STEPS.map((event) => ({ name: event, event })),
  windowMs: WEEK_MS,
  order: "sequential",
};

async function main(): Promise<void> {
  const csvStore = path.join(workDir, "csv-store");
  const parquetStore = path.join(workDir, "parquet-store");
  const csvImport = { ...(await importFile(csvStore, csv)), rssMiB: peakRssMiB() };
  const csvPeer = await peerLoad(
    path.join(workDir, "peer"),
    `read_csv('${csv}', header = true, columns = {'person': 'VARCHAR', 'time': 'TIMESTAMP', 'event': 'VARCHAR', 'channel': 'VARCHAR', 'revenue': 'DOUBLE'})`,
  );
  log(`peer: plain read_csv into a table in ${csvPeer.seconds.toFixed(2)} s`);
  const parquetImport = { ...(await importFile(parquetStore, parquet)), rssMiB: peakRssMiB() };
  rmSync(parquetStore, { recursive: true, force: true });
  const parquetPeer = await peerLoad(path.join(workDir, "peer"), `read_parquet('${parquet}')`);
  log(`peer: plain read_parquet into a table in ${parquetPeer.seconds.toFixed(2)} s`);

  const store = await DuckDbEventStore.open(csvStore);
  const engine = store.engine();
  let steps: number[] = [];
  const funnelTimes = await timeRuns(RUNS, async () => {
    steps = (await engine.getFunnel(FUNNEL)).steps.map((s) => s.people);
  });
  const funnel = { ...funnelTimes, steps, rssMiB: peakRssMiB() };
  log(
    `funnel (engine): ${funnelTimes.medianSeconds.toFixed(2)} s median, people per step ${steps.join(" / ")}`,
  );
  const breakdown = await measureBreakdown(store);
  let topPaths = 0;
  const pathsTimes = await timeRuns(RUNS, async () => {
    const result = await engine.getPaths({ stages: FUNNEL_STEPS.map((event) => ({ name: event, event })) });
    topPaths = result.topPaths.length;
  });
  const paths = { ...pathsTimes, topPaths, rssMiB: peakRssMiB() };
  log(`paths (engine): ${pathsTimes.medianSeconds.toFixed(2)} s median`);
  store.close();

  const plainSql = await measurePlainSql(csvStore);
  const { statSync } = await import("node:fs");
  const storeMiB = statSync(path.join(csvStore, "events.duckdb")).size / 1024 ** 2;
  const result: TropaMeasures = {
    csvImport,
    csvPeer,
    parquetImport,
    parquetPeer,
    funnel,
    breakdown,
    paths,
    plainSql,
    storeMiB,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/** The same funnel broken down by the first-touch channel, when the engine supports breakdowns. */
async function measureBreakdown(store: DuckDbEventStore): Promise<TropaMeasures["breakdown"]> {
  const query = { ...FUNNEL, breakdown: { property: "channel", attribution: "first" as const } };
  let groups = -1;
  try {
    const times = await timeRuns(RUNS, async () => {
      const result = await store.engine().getFunnel(query);
      groups = result.breakdown?.groups.length ?? -1;
    });
    if (groups < 0) return null;
    log(`funnel by channel (engine): ${times.medianSeconds.toFixed(2)} s median, ${groups} groups`);
    return { ...times, groups, rssMiB: peakRssMiB() };
  } catch (error) {
    log(`breakdown failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** stack-eval.md's (a1): window functions only, on the store's `events` view. */
async function measurePlainSql(storeDir: string): Promise<TropaMeasures["plainSql"]> {
  const instance = await DuckDBInstance.create(path.join(storeDir, "events.duckdb"));
  const connection = await instance.connect();
  let steps: number[] = [];
  const times = await timeRuns(RUNS, async () => {
    const reader = await connection.runAndReadAll(plainDuckDbFunnelSql([...FUNNEL_STEPS], 7));
    const row = reader.getRowObjectsJS()[0] ?? {};
    steps = FUNNEL_STEPS.map((_, k) => Number(row[`s${k + 1}`]));
  });
  connection.closeSync();
  instance.closeSync();
  log(`funnel (plain DuckDB SQL a1): ${times.medianSeconds.toFixed(2)} s median, ${steps.join(" / ")}`);
  return { ...times, steps, rssMiB: peakRssMiB() };
}

await main();
