import type { Machine } from "../machine.js";
import { renderMachine } from "../report.js";
import type { ChdbMeasures } from "./measure-chdb.js";
import { type SizeResult, sizeLabel } from "./run-analytics.js";

export type AnalyticsResults = {
  startedAt: string;
  machine: Machine & { loadAverageAtEnd: number };
  sizes: SizeResult[];
};

const CSV_GOAL_PER_SECOND = 1_000_000;
const MEMORY_GOAL_GIB = 24;

/** The section pasted into BENCHMARKS.md under "Journey analytics: the run". */
export function renderAnalyticsSection(results: AnalyticsResults): string {
  return [
    "Machine:",
    "",
    renderMachine(results.machine),
    "",
    "Data (seeded generator, bench/analytics/generate-events.ts):",
    "",
    ...results.sizes.map(
      (size) =>
        `- ${sizeLabel(size.events)}: ${num(size.events)} events of ${num(size.people)} people; ` +
        `CSV ${mib(size.csvMiB)}, Parquet (zstd) ${mib(size.parquetMiB)}; DuckDB store after the CSV import ${mib(size.tropa.storeMiB)}`,
    ),
    "",
    `Results (${results.startedAt}; query times are the median of up to 3 runs with the first run in brackets, or one run once a measure passed 60 s):`,
    "",
    renderTable(results.sizes),
    "",
    "Goals, judged on this run:",
    "",
    ...judge(results.sizes).map((goal) => `- ${goal}`),
  ].join("\n");
}

function renderTable(sizes: SizeResult[]): string {
  const rows: string[][] = [["Size", "Measure", "Tropa", "Peer", "Tropa ÷ peer"]];
  for (const size of sizes) {
    const { tropa } = size;
    const chdb = "error" in size.chdb ? undefined : size.chdb;
    const label = sizeLabel(size.events);
    const csvRate = size.events / tropa.csvImport.seconds;
    const parquetRate = size.events / tropa.parquetImport.seconds;
    rows.push(
      [
        label,
        "CSV import into the DuckDB store (bulk path), peer: plain `read_csv` into a table",
        `${sec(tropa.csvImport.seconds)} = ${num(csvRate)} events/s`,
        `${sec(tropa.csvPeer.seconds)} = ${num(size.events / tropa.csvPeer.seconds)} events/s`,
        ratio(tropa.csvImport.seconds, tropa.csvPeer.seconds),
      ],
      [
        label,
        "Parquet import (read_parquet → EventStore.insertEvents), peer: plain `read_parquet` into a table",
        `${sec(tropa.parquetImport.seconds)} = ${num(parquetRate)} events/s`,
        `${sec(tropa.parquetPeer.seconds)}`,
        ratio(tropa.parquetImport.seconds, tropa.parquetPeer.seconds),
      ],
      [
        label,
        "5-step funnel, 7-day window, sequential (engine), peer: ClickHouse `windowFunnel` (chdb, MergeTree)",
        timed(tropa.funnel),
        chdb ? timed(chdb.funnel) : "failed",
        chdb ? ratio(tropa.funnel.medianSeconds, chdb.funnel.medianSeconds) : "",
      ],
      [
        label,
        "the same funnel as plain DuckDB SQL (stack-eval a1), peer: chdb",
        timed(tropa.plainSql),
        chdb ? timed(chdb.funnel) : "failed",
        chdb ? ratio(tropa.plainSql.medianSeconds, chdb.funnel.medianSeconds) : "",
      ],
      [
        label,
        "funnel broken down by first-touch channel (engine)",
        tropa.breakdown ? `${timed(tropa.breakdown)}, ${tropa.breakdown.groups} groups` : "not available",
        "",
        "",
      ],
      [label, "paths over the 5 stages (engine)", timed(tropa.paths), "", ""],
      [
        label,
        "people per step: engine / plain SQL / chdb",
        tropa.funnel.steps.join(" / "),
        chdb ? chdb.funnel.steps.join(" / ") : "",
        agree(size) ? "all three agree" : "**differ**",
      ],
      [
        label,
        "peak RSS (Tropa process: imports, queries; chdb process: load, funnel)",
        mib(tropa.plainSql.rssMiB),
        chdb ? mib(chdb.funnel.rssMiB) : "",
        "",
      ],
      [label, "chdb: Parquet into MergeTree", "", chdb ? sec(chdb.loadSeconds) : "", ""],
    );
  }
  const [head = [], ...body] = rows;
  return [row(head), row(head.map(() => "---")), ...body.map(row)].join("\n");
}

function judge(sizes: SizeResult[]): string[] {
  const best = Math.max(...sizes.map((s) => s.events / s.tropa.csvImport.seconds));
  const largest = sizes[sizes.length - 1];
  const goals = [
    `${best >= CSV_GOAL_PER_SECOND ? "MET" : "NOT MET"}: CSV import ≥ ${num(CSV_GOAL_PER_SECOND)} events/s — best ${num(best)} events/s`,
  ];
  if (largest && !("error" in largest.chdb)) {
    const chdb = largest.chdb as ChdbMeasures;
    const met = largest.tropa.funnel.medianSeconds <= chdb.funnel.medianSeconds;
    goals.push(
      `${met ? "MET" : "NOT MET"} (at ${sizeLabel(largest.events)}; the goal names 20M): 5-step funnel no slower than ` +
        `ClickHouse windowFunnel — ${sec(largest.tropa.funnel.medianSeconds)} vs ${sec(chdb.funnel.medianSeconds)}`,
    );
  }
  const hundred = sizes.find((s) => s.events >= 100_000_000);
  goals.push(
    hundred
      ? `${hundred.tropa.plainSql.rssMiB / 1024 <= MEMORY_GOAL_GIB ? "MET" : "NOT MET"}: 100M events within ${MEMORY_GOAL_GIB} GiB — peak ${mib(hundred.tropa.plainSql.rssMiB)}`
      : `NOT MEASURED in this run: 100M events within ${MEMORY_GOAL_GIB} GiB (\`npm run bench -- --only analytics --events 100m\`)`,
  );
  return goals;
}

function agree(size: SizeResult): boolean {
  const same = (a: number[], b: number[]): boolean => a.join() === b.join();
  const chdbSteps = "error" in size.chdb ? size.tropa.funnel.steps : size.chdb.funnel.steps;
  return same(size.tropa.funnel.steps, size.tropa.plainSql.steps) && same(size.tropa.funnel.steps, chdbSteps);
}

function timed(t: { medianSeconds: number; firstSeconds: number; runs: number }): string {
  return t.runs > 1 ? `${sec(t.medianSeconds)} (${sec(t.firstSeconds)})` : `${sec(t.medianSeconds)} (1 run)`;
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function ratio(a: number, b: number): string {
  return b > 0 ? `×${(a / b).toFixed(2)}` : "";
}

function sec(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

function mib(value: number): string {
  return value >= 1024 ? `${(value / 1024).toFixed(2)} GiB` : `${Math.round(value)} MiB`;
}

function num(value: number): string {
  return Math.round(value).toLocaleString("en");
}
