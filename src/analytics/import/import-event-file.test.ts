import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DuckDbEventStore } from "../duckdb/duckdb-event-store.js";
import { DEFAULT_MAPPING } from "./column-mapping.js";
import { importEventFile } from "./import-event-file.js";
import { EventImportError, type RowProblem } from "./row-problems.js";

const DATASETS = "/work/shared/datasets";
const options = { mapping: DEFAULT_MAPPING, skipInvalid: false };
let dir = "";
let store: DuckDbEventStore;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  store = await DuckDbEventStore.open(":memory:");
});
afterEach(() => store.close());

async function peopleByEvent(): Promise<Record<string, number>> {
  return Object.fromEntries((await store.eventCounts()).map((c) => [c.event, c.people]));
}

describe("real event logs match their publishers' figures", () => {
  it("imports BPIC 2012: 262,200 events in 13,087 cases, with the application funnel", async () => {
    const file = path.join(DATASETS, "bpic2012-loan-application/bpic2012.xes.gz");
    const summary = await importEventFile(store, file, options);
    expect(summary).toMatchObject({ inserted: 262_200, duplicates: 0, rejected: 0 });
    expect(await store.countEvents()).toBe(262_200);
    const people = await peopleByEvent();
    expect(people).toMatchObject({
      A_SUBMITTED: 13_087,
      A_PARTLYSUBMITTED: 13_087,
      A_PREACCEPTED: 7_367,
      A_ACCEPTED: 5_113,
      A_FINALIZED: 5_015,
      A_APPROVED: 2_246,
      A_DECLINED: 7_635,
      A_CANCELLED: 2_807,
      O_SENT: 5_015,
      "W_Nabellen offertes": 5_015,
    });
    expect(Object.keys(people)).toHaveLength(24);
  }, 60_000);

  it("imports the helpdesk log: 21,348 events, 4,580 cases, 14 activities; a second import adds nothing", async () => {
    const file = path.join(DATASETS, "helpdesk-ticket-log/helpdesk.xes.gz");
    expect(await importEventFile(store, file, options)).toMatchObject({ inserted: 21_348, duplicates: 0 });
    const counts = await store.eventCounts();
    expect(counts).toHaveLength(14);
    expect(counts.find((c) => c.event === "Take in charge ticket")).toEqual({
      event: "Take in charge ticket",
      people: 4_285,
      events: 5_060,
    });
    expect(counts.find((c) => c.event === "Closed")).toMatchObject({ people: 4_559, events: 4_574 });
    expect(await importEventFile(store, file, options)).toMatchObject({ inserted: 0, duplicates: 21_348 });
    expect(await store.countEvents()).toBe(21_348);
  }, 30_000);
});

describe("atomic imports and dedupe", () => {
  it("stores nothing when one row is bad, and everything once it is fixed", async () => {
    const good = "person,time,event\na,2024-01-01,visit\na,2024-01-01,visit\nb,2024-01-02,visit\n";
    await writeFile(path.join(dir, "day.csv"), `${good}c,tomorrow,visit\n`);
    const error = await importEventFile(store, path.join(dir, "day.csv"), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventImportError);
    expect(await store.countEvents()).toBe(0);

    await writeFile(path.join(dir, "day.csv"), good);
    // Two identical rows in one file are two events; importing the file again adds nothing.
    expect(await importEventFile(store, path.join(dir, "day.csv"), options)).toMatchObject({ inserted: 3 });
    expect(await importEventFile(store, path.join(dir, "day.csv"), options)).toMatchObject({
      inserted: 0,
      duplicates: 3,
    });
  });

  it("dedupes by id across files", async () => {
    await writeFile(path.join(dir, "a.ndjson"), '{"id":"1","person":"a","time":1,"event":"x"}\n');
    await writeFile(
      path.join(dir, "b.ndjson"),
      '{"id":"1","person":"a","time":1,"event":"x"}\n{"id":"2","person":"a","time":2,"event":"y"}\n',
    );
    await importEventFile(store, path.join(dir, "a.ndjson"), options);
    expect(await importEventFile(store, path.join(dir, "b.ndjson"), options)).toMatchObject({
      inserted: 1,
      duplicates: 1,
    });
  });

  it("with skip-invalid imports the good rows and counts the rejected ones", async () => {
    await writeFile(path.join(dir, "mixed.csv"), "person,time,event\na,2024-01-01,x\n,2024-01-01,y\n");
    const rejected: RowProblem[] = [];
    const summary = await importEventFile(store, path.join(dir, "mixed.csv"), {
      ...options,
      skipInvalid: true,
      onReject: (p) => rejected.push(p),
    });
    expect(summary).toMatchObject({ inserted: 1, rejected: 1 });
    expect(rejected.map((p) => `${p.location}: ${p.reason}`)).toEqual(["mixed.csv:3:1: person is empty"]);
  });
});
