import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDbEventStore } from "../duckdb/duckdb-event-store.js";
import { DEFAULT_MAPPING } from "../import/column-mapping.js";
import { importEventFile } from "../import/import-event-file.js";
import { openByteSource } from "../import/open-byte-source.js";
import { readEventFile } from "../import/read-event-file.js";
import { RowProblems } from "../import/row-problems.js";
import { datasetFile, datasetSuite, datasetsAvailable } from "./shared-datasets.test-support.js";

const INCIDENTS = datasetFile("bpic2013-incidents", "bpic2013_incidents.xes.gz");
const PROBLEMS = datasetFile("bpic2013-incidents", "bpic2013_closed_problems.xes.gz");
const options = { mapping: DEFAULT_MAPPING, skipInvalid: false };

let store: DuckDbEventStore;
beforeEach(async () => {
  store = await DuckDbEventStore.open(":memory:");
});
afterEach(() => store.close());

/**
 * Reads a log with the importer's reader: the cases (distinct people) and the events per
 * `activity+lifecycle` class, as the publishers count "event classes".
 */
async function readLog(file: string): Promise<{ cases: number; classes: Record<string, number> }> {
  const name = path.basename(file);
  const problems = new RowProblems(name, { skipInvalid: false });
  const batches = readEventFile(await openByteSource(file), {
    file: name,
    source: name,
    mapping: DEFAULT_MAPPING,
    problems,
  });
  const classes: Record<string, number> = {};
  const cases = new Set<string>();
  for await (const batch of batches) {
    for (const event of batch) {
      const key = `${event.event}+${String(event.properties["lifecycle:transition"])}`;
      classes[key] = (classes[key] ?? 0) + 1;
      cases.add(event.person);
    }
  }
  return { cases: cases.size, classes };
}

describe.skipIf(!datasetsAvailable)(datasetSuite("BPI Challenge 2013, Volvo IT (Steeman 2013)"), () => {
  it("imports the incidents: 65,533 events of 7,554 incidents, 4 activities", async () => {
    expect(await importEventFile(store, INCIDENTS, options)).toMatchObject({
      inserted: 65_533,
      duplicates: 0,
      rejected: 0,
    });
    const counts = await store.eventCounts();
    expect(counts.map((c) => c.event).sort()).toEqual(["Accepted", "Completed", "Queued", "Unmatched"]);
  });

  it("reads 7,554 incidents and keeps the sub-status: the 13 event classes have the published counts", async () => {
    const log = await readLog(INCIDENTS);
    expect(log.cases).toBe(7_554);
    expect(log.classes).toEqual({
      "Accepted+In Progress": 30_239,
      "Queued+Awaiting Assignment": 11_544,
      "Completed+Resolved": 6_115,
      "Completed+Closed": 5_716,
      "Accepted+Wait - User": 4_217,
      "Accepted+Assigned": 3_221,
      "Completed+In Call": 2_035,
      "Accepted+Wait": 1_533,
      "Accepted+Wait - Implementation": 493,
      "Accepted+Wait - Vendor": 313,
      "Accepted+Wait - Customer": 101,
      "Unmatched+Unmatched": 5,
      "Completed+Cancelled": 1,
    });
  });

  it("imports the closed problems: 6,660 events of 1,487 problems", async () => {
    expect(await importEventFile(store, PROBLEMS, options)).toMatchObject({ inserted: 6_660, rejected: 0 });
    const log = await readLog(PROBLEMS);
    expect(log.cases).toBe(1_487);
    expect(Object.keys(log.classes)).toHaveLength(7);
  });
});
