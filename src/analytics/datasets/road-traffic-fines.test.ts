import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbEventStore } from "../duckdb/duckdb-event-store.js";
import { DEFAULT_MAPPING } from "../import/column-mapping.js";
import { type ImportSummary, importEventFile } from "../import/import-event-file.js";
import { DAY_MS, datasetFile, datasetSuite, datasetsAvailable } from "./shared-datasets.test-support.js";

const FILE = datasetFile("road-traffic-fines-process", "Road_Traffic_Fine_Management_Process.xes.zip");
/** The log spans 2000-01-01 … 2013-06-18, so 14 years lets every fine's later events count. */
const WHOLE_LOG_MS = 14 * 365 * DAY_MS;

let store: DuckDbEventStore;
let summary: ImportSummary;

// One import for the whole file: 185 MB of XES inside the zip take about 18 s here.
beforeAll(async () => {
  if (!datasetsAvailable) return;
  store = await DuckDbEventStore.open(":memory:");
  summary = await importEventFile(store, FILE, { mapping: DEFAULT_MAPPING, skipInvalid: false });
}, 90_000);
afterAll(() => store?.close());

function funnel(events: string[]) {
  const steps = events.map((event) => ({ name: event, event }));
  return store.engine().getFunnel({ steps, windowMs: WHOLE_LOG_MS });
}

describe.skipIf(!datasetsAvailable)(datasetSuite("road traffic fines (de Leoni & Mannhardt 2015)"), () => {
  it("imports the zipped XES: 561,470 events of 150,370 fines, 11 activities", async () => {
    expect(summary).toMatchObject({ inserted: 561_470, duplicates: 0, rejected: 0 });
    const counts = await store.eventCounts();
    expect(counts).toHaveLength(11);
    expect(Object.fromEntries(counts.map((c) => [c.event, [c.events, c.people]]))).toEqual({
      "Create Fine": [150_370, 150_370],
      "Send Fine": [103_987, 103_987],
      "Insert Fine Notification": [79_860, 79_860],
      "Add penalty": [79_860, 79_860],
      Payment: [77_601, 69_715],
      "Send for Credit Collection": [59_013, 59_013],
      "Insert Date Appeal to Prefecture": [4_188, 4_188],
      "Send Appeal to Prefecture": [4_141, 4_141],
      "Receive Result Appeal from Prefecture": [999, 999],
      "Notify Result Appeal to Offender": [896, 896],
      "Appeal to Judge": [555, 555],
    });
  });

  it("follows every fine from creation: 150,370 → 103,987 sent → 79,860 notified → 79,860 penalised", async () => {
    const result = await funnel(["Create Fine", "Send Fine", "Insert Fine Notification", "Add penalty"]);
    expect(result.steps.map((s) => s.people)).toEqual([150_370, 103_987, 79_860, 79_860]);
  });

  it("counts 69,715 fines paid and 59,013 sent for credit collection after creation", async () => {
    expect((await funnel(["Create Fine", "Payment"])).steps.map((s) => s.people)).toEqual([150_370, 69_715]);
    expect((await funnel(["Create Fine", "Send for Credit Collection"])).steps[1]?.people).toBe(59_013);
  });
});
