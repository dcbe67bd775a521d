import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Session } from "chdb";
import { FUNNEL_STEPS } from "./generate-events.js";
import { peakRssMiB, type Timed, timeRuns } from "./timing.js";

/**
 * Child process of the analytics bench: ClickHouse (in-process chdb) on the same Parquet file.
 * `tsx bench/analytics/measure-chdb.ts PARQUET RUNS` loads it into a MergeTree table ordered by
 * (person, time) and runs `windowFunnel` with a 7-day window; prints one `RESULT {json}` line.
 */
const [parquet = "", runsText = "3"] = process.argv.slice(2);
const RUNS = Number(runsText);

export type ChdbMeasures = {
  version: string;
  loadSeconds: number;
  funnel: Timed & { steps: number[]; rssMiB: number };
};

function log(message: string): void {
  process.stderr.write(`  chdb: ${message}\n`);
}

const dir = mkdtempSync(path.join(tmpdir(), "tropa-chdb-"));
const session = new Session(dir);
try {
  const version = session.query("SELECT version()", "TSV").trim();
  session.query(`CREATE TABLE events (person String, time DateTime('UTC'), event LowCardinality(String),
    channel LowCardinality(String)) ENGINE = MergeTree ORDER BY (person, time)`);
  const started = performance.now();
  session.query(`INSERT INTO events SELECT person, toDateTime(time, 'UTC'), event, channel
    FROM file('${parquet}', Parquet)`);
  const loadSeconds = (performance.now() - started) / 1000;
  log(`loaded into MergeTree in ${loadSeconds.toFixed(2)} s`);
  const conditions = FUNNEL_STEPS.map((event) => `event = '${event}'`).join(", ");
  const counts = FUNNEL_STEPS.map((_, i) => `countIf(level >= ${i + 1}) AS s${i + 1}`).join(", ");
  const sql = `SELECT ${counts} FROM (SELECT person, windowFunnel(${7 * 24 * 3600})(time, ${conditions}) AS level
    FROM events GROUP BY person) FORMAT JSONEachRow`;
  let steps: number[] = [];
  const times = await timeRuns(RUNS, async () => {
    const row = JSON.parse(session.query(sql, "JSONEachRow")) as Record<string, string | number>;
    steps = FUNNEL_STEPS.map((_, i) => Number(row[`s${i + 1}`]));
  });
  log(`windowFunnel: ${times.medianSeconds.toFixed(2)} s median, ${steps.join(" / ")}`);
  const result: ChdbMeasures = { version, loadSeconds, funnel: { ...times, steps, rssMiB: peakRssMiB() } };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} finally {
  session.close();
  rmSync(dir, { recursive: true, force: true });
}
