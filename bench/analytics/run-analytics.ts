import { execFile } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateEvents } from "./generate-events.js";
import type { ChdbMeasures } from "./measure-chdb.js";
import type { TropaMeasures } from "./measure-tropa.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
/** Generated logs are kept between runs (same size and seed, same file); delete the folder to regenerate. */
export const DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(tmpdir(), "tropa-bench-data");
const SEED = 20_251_124;
const RUNS = 3;

export type SizeResult = {
  events: number;
  people: number;
  csvMiB: number;
  parquetMiB: number;
  tropa: TropaMeasures;
  chdb: ChdbMeasures | { error: string };
};

/** `1m` → 1,000,000; `10m`, `100m`, `500k` likewise. */
export function parseEventCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`--events ${text}: use a count such as 1m, 10m, 100m or 500k`);
  const unit = match[2]?.toLowerCase() === "m" ? 1e6 : match[2]?.toLowerCase() === "k" ? 1e3 : 1;
  return Math.round(Number(match[1]) * unit);
}

export function sizeLabel(events: number): string {
  return events >= 1e6 ? `${events / 1e6}M` : `${events / 1e3}k`;
}

/** Generates (or reuses) the log of each size and measures Tropa and chdb on it in child processes. */
export async function runAnalyticsBench(
  sizes: number[],
  log: (message: string) => void,
): Promise<SizeResult[]> {
  mkdirSync(DATA_DIR, { recursive: true });
  const results: SizeResult[] = [];
  for (const events of sizes) {
    const label = sizeLabel(events);
    const base = path.join(DATA_DIR, `events-${label}-seed${SEED}`);
    const data = await generateEvents({
      events,
      seed: SEED,
      csv: `${base}.csv`,
      parquet: `${base}.parquet`,
      log: (message) => log(`${label}: ${message}`),
    });
    const workDir = path.join(DATA_DIR, `work-${label}`);
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    try {
      log(`${label}: Tropa (DuckDB store, engine and plain SQL) in a child process`);
      const tropa = await runChild<TropaMeasures>("measure-tropa.ts", [
        data.csv,
        data.parquet,
        workDir,
        String(RUNS),
      ]);
      log(`${label}: ClickHouse windowFunnel (chdb) in a child process`);
      const chdb = await runChild<ChdbMeasures>("measure-chdb.ts", [data.parquet, String(RUNS)]).catch(
        (error: unknown) => ({
          error: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
        }),
      );
      results.push({
        events,
        people: data.people,
        csvMiB: statSync(data.csv).size / 1024 ** 2,
        parquetMiB: statSync(data.parquet).size / 1024 ** 2,
        tropa,
        chdb,
      });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  return results;
}

/** Runs `npx tsx bench/analytics/<script>`, passing its progress (stderr) through; returns its RESULT line. */
function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "npx",
      ["tsx", path.join(HERE, script), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
        if (error || !line) {
          reject(error ?? new Error(`${script} printed no result`));
          return;
        }
        resolve(JSON.parse(line.slice("RESULT ".length)) as T);
      },
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk
        .toString()
        .split("\n")
        .filter((l) => l.trim() !== "" && !l.startsWith("npm warn"));
      for (const l of text) process.stderr.write(`${l}\n`);
    });
  });
}
