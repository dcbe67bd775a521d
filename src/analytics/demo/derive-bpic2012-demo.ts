import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { constants, createGzip } from "node:zlib";
import type { EventRecord } from "../event.js";
import { DEFAULT_MAPPING } from "../import/column-mapping.js";
import { openByteSource } from "../import/open-byte-source.js";
import { readEventFile } from "../import/read-event-file.js";
import { RowProblems } from "../import/row-problems.js";
import { DEMO_EVENTS_FILE } from "./import-demo-events.js";

/*
 * Derives the demo's event file from the BPI Challenge 2012 log (README.md next to this file says
 * what is kept and why). Run it again only when the selection changes:
 *
 *   npx tsx src/analytics/demo/derive-bpic2012-demo.ts [bpic2012.xes.gz] [out.csv.gz]
 *
 * Defaults: /work/shared/datasets/bpic2012-loan-application/bpic2012.xes.gz → the demo file here.
 * The log is read with the normal XES importer, so the demo holds exactly what an import would give.
 */
const DEFAULT_INPUT = "/work/shared/datasets/bpic2012-loan-application/bpic2012.xes.gz";
const HEADER = "person,time,event,amount\n";

/** Only completed events: the usual COMPLETE-only view of BPIC 2012 (164,506 events), small enough to ship. */
function keep(event: EventRecord): boolean {
  return event.properties["lifecycle:transition"] === "COMPLETE";
}

/** One CSV line; case ids and activity names hold no comma or quote, which the check below guarantees. */
function toLine(event: EventRecord): string {
  const amount = event.properties.AMOUNT_REQ ?? "";
  const cells = [event.person, new Date(event.time).toISOString(), event.event, String(amount)];
  const bad = cells.find((cell) => /[",\n\r]/.test(cell));
  if (bad !== undefined) throw new Error(`cannot write "${bad}" unquoted (case ${event.person})`);
  return `${cells.join(",")}\n`;
}

async function* lines(input: string): AsyncGenerator<string> {
  const bytes = await openByteSource(input);
  const name = path.basename(input);
  const problems = new RowProblems(name, { skipInvalid: false });
  const batches = readEventFile(bytes, { file: name, source: name, mapping: DEFAULT_MAPPING, problems });
  yield HEADER;
  for await (const batch of batches) yield batch.filter(keep).map(toLine).join("");
}

async function derive(input: string, output: string): Promise<void> {
  const gzip = createGzip({ level: constants.Z_BEST_COMPRESSION });
  await pipeline(Readable.from(lines(input)), gzip, createWriteStream(output));
  process.stdout.write(`wrote ${output}\n`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await derive(process.argv[2] ?? DEFAULT_INPUT, process.argv[3] ?? DEMO_EVENTS_FILE);
