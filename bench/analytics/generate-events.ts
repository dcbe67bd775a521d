import { once } from "node:events";
import { createWriteStream, existsSync, renameSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

/**
 * A seeded generator of realistic journey logs: heavy-tailed activity per person (Pareto: most
 * people do a handful of things, a few do thousands), a funnel with loops back to earlier stages,
 * noise events, several channels as a property, revenue on purchases, and same-second ties.
 * Columns: person,time,event,channel,revenue (ISO 8601 UTC, whole seconds).
 */

export const FUNNEL_STEPS = ["visit", "view_product", "add_to_cart", "checkout", "purchase"] as const;
const NOISE = ["search", "login", "support", "email_open", "page_view"] as const;
const CHANNELS = ["web", "web", "web", "email", "ads", "ads", "social", "sms", "partner"] as const;
/** Where a person goes from each funnel stage: forward, back (the "messy middle") or noise. */
const FORWARD = [0.72, 0.45, 0.42, 0.55, 0] as const;
const BACK = [0, 0.25, 0.3, 0.2, 0.5] as const;
const START = Date.UTC(2025, 0, 1);
const SPAN_MS = 120 * 24 * 3600 * 1000;
const TIE_SHARE = 0.04;

export type GenerateOptions = {
  events: number;
  seed: number;
  csv: string;
  parquet: string;
  log: (message: string) => void;
};

export type Generated = { csv: string; parquet: string; events: number; people: number; cached: boolean };

/** Writes the CSV (and a Parquet copy through DuckDB) unless both already exist for this size and seed. */
export async function generateEvents(options: GenerateOptions): Promise<Generated> {
  const peopleFile = `${options.csv}.people`;
  if (existsSync(options.csv) && existsSync(options.parquet) && existsSync(peopleFile)) {
    const { readFileSync } = await import("node:fs");
    const people = Number(readFileSync(peopleFile, "utf8"));
    options.log(`reusing ${options.csv} and ${options.parquet}`);
    return { csv: options.csv, parquet: options.parquet, events: options.events, people, cached: true };
  }
  const people = await writeCsv(options);
  await writeParquet(options);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(peopleFile, String(people));
  return { csv: options.csv, parquet: options.parquet, events: options.events, people, cached: false };
}

/** mulberry32: small, fast and seeded, so every run sees the same log. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeCsv(options: GenerateOptions): Promise<number> {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const partial = `${options.csv}.partial`;
  const out = createWriteStream(partial, { highWaterMark: 4 * 1024 * 1024 });
  let lines: string[] = ["person,time,event,channel,revenue"];
  let written = 0;
  let people = 0;
  let lastLog = Date.now();
  const flush = async (): Promise<void> => {
    if (!out.write(`${lines.join("\n")}\n`)) await once(out, "drain");
    lines = [];
  };
  while (written < options.events) {
    people += 1;
    const person = `u${people}`;
    // Pareto(α = 1.3) activity, 2 … 5000 events.
    const budget = Math.min(5000, Math.floor(2 / (1 - next()) ** (1 / 1.3)));
    let time = START + Math.floor(next() * SPAN_MS);
    let stage = 0;
    let channel = pick(CHANNELS);
    for (let i = 0; i < budget && written < options.events; i++) {
      const isNoise = next() < 0.3;
      const event = isNoise ? pick(NOISE) : FUNNEL_STEPS[stage];
      const revenue = event === "purchase" ? (10 + next() * 490).toFixed(2) : "";
      lines.push(`${person},${iso(time)},${event},${channel},${revenue}`);
      written += 1;
      if (!isNoise) stage = nextStage(stage, next());
      if (next() > TIE_SHARE) time += gapMs(next());
      if (next() < 0.1) channel = pick(CHANNELS);
    }
    if (lines.length >= 50_000) await flush();
    if (Date.now() - lastLog > 2000) {
      options.log(`generating CSV: ${progress(written, options.events)}`);
      lastLog = Date.now();
    }
  }
  await flush();
  out.end();
  await once(out, "finish");
  renameSync(partial, options.csv);
  options.log(`generated ${written.toLocaleString("en")} events of ${people.toLocaleString("en")} people`);
  return people;
}

function nextStage(stage: number, roll: number): number {
  if (roll < (FORWARD[stage] ?? 0)) return stage + 1;
  if (roll < (FORWARD[stage] ?? 0) + (BACK[stage] ?? 0))
    return Math.max(0, stage - 1 - (Math.floor(roll * 10) % 2));
  return stage;
}

/** Seconds to minutes within a session, hours to days between visits. */
function gapMs(roll: number): number {
  const seconds =
    roll < 0.7 ? 5 + roll * 400 : roll < 0.95 ? 3600 * (1 + roll * 20) : 86400 * (1 + roll * 12);
  return Math.floor(seconds) * 1000;
}

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function progress(done: number, total: number): string {
  return `${done.toLocaleString("en")} / ${total.toLocaleString("en")} (${Math.round((done / total) * 100)} %)`;
}

async function writeParquet(options: GenerateOptions): Promise<void> {
  options.log(`writing ${options.parquet} from the CSV (DuckDB COPY)`);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const partial = `${options.parquet}.partial`;
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(
    `COPY (SELECT person, CAST(time AS TIMESTAMP) AS time, event, channel, revenue
           FROM read_csv($1, header = true, columns = {'person': 'VARCHAR', 'time': 'TIMESTAMPTZ',
             'event': 'VARCHAR', 'channel': 'VARCHAR', 'revenue': 'DOUBLE'}))
     TO '${partial}' (FORMAT parquet, COMPRESSION zstd)`,
    [options.csv],
  );
  connection.closeSync();
  instance.closeSync();
  renameSync(partial, options.parquet);
}
