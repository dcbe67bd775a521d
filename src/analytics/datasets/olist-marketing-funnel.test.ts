import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FunnelQueryInput } from "../../domain/analytics/funnel-query.js";
import { DuckDbEventStore } from "../duckdb/duckdb-event-store.js";
import { parseMapping } from "../import/column-mapping.js";
import { type ImportSummary, importEventFile } from "../import/import-event-file.js";
import { DAY_MS, datasetFile, datasetSuite, datasetsAvailable } from "./shared-datasets.test-support.js";

const FOLDER = "olist-marketing-funnel";
/** The slowest deal was won 428 days after the lead's first contact. */
const WINDOW_MS = 430 * DAY_MS;

let dir = "";
let store: DuckDbEventStore;
let leads: ImportSummary;
let deals: ImportSummary;

/**
 * The CSVs have no event column (each file is one kind of event), so the test adds one, as a user
 * would in a spreadsheet, and imports with a `--map` column mapping.
 */
async function withEventColumn(file: string, event: string): Promise<string> {
  const text = await readFile(datasetFile(FOLDER, file), "utf8");
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  const [header = "", ...rows] = lines;
  const out = path.join(dir, file);
  await writeFile(out, [`${header},event`, ...rows.map((row) => `${row},${event}`)].join("\n"));
  return out;
}

beforeAll(async () => {
  if (!datasetsAvailable) return;
  dir = await mkdtemp(path.join(tmpdir(), "tropa-olist-"));
  store = await DuckDbEventStore.open(":memory:");
  leads = await importEventFile(
    store,
    await withEventColumn("olist_marketing_qualified_leads_dataset.csv", "lead"),
    {
      mapping: parseMapping("person=mql_id,time=first_contact_date,event=event"),
      skipInvalid: false,
    },
  );
  deals = await importEventFile(store, await withEventColumn("olist_closed_deals_dataset.csv", "deal won"), {
    mapping: parseMapping("person=mql_id,time=won_date,event=event"),
    skipInvalid: false,
  });
});
afterAll(async () => {
  store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function leadToDeal(extra: Partial<FunnelQueryInput> = {}, origin?: string): FunnelQueryInput {
  const where = origin ? [{ property: "origin", op: "equals" as const, value: origin }] : [];
  return {
    steps: [
      { name: "lead", event: "lead", where },
      { name: "deal won", event: "deal won" },
    ],
    windowMs: WINDOW_MS,
    ...extra,
  };
}

describe.skipIf(!datasetsAvailable)(datasetSuite("Olist marketing funnel (Olist, Kaggle)"), () => {
  it("imports 8,000 marketing qualified leads and 842 closed deals, every deal a lead's", async () => {
    expect(leads).toMatchObject({ inserted: 8_000, rejected: 0 });
    expect(deals).toMatchObject({ inserted: 842, rejected: 0 });
    expect(await store.eventCounts()).toEqual([
      { event: "deal won", people: 842, events: 842 },
      { event: "lead", people: 8_000, events: 8_000 },
    ]);
  });

  it("converts 842 of 8,000 leads (10.53 %) in any order, 841 in sequence: one deal is dated a day before its lead", async () => {
    const anyOrder = await store.engine().getFunnel(leadToDeal({ order: "any" }));
    expect(anyOrder.steps.map((s) => s.people)).toEqual([8_000, 842]);
    expect(anyOrder.steps[1]?.conversionFromPrevious).toBeCloseTo(10.525, 3);
    const sequential = await store.engine().getFunnel(leadToDeal());
    expect(sequential.steps.map((s) => s.people)).toEqual([8_000, 841]);
  });

  it.each([
    ["organic_search", 2_296, 271],
    ["paid_search", 1_586, 195],
    ["social", 1_350, 75],
    ["email", 493, 15],
    ["referral", 284, 24],
  ])("by origin %s: %i leads, %i won", async (origin, leadCount, won) => {
    const result = await store.engine().getFunnel(leadToDeal({ order: "any" }, origin));
    expect(result.steps.map((s) => s.people)).toEqual([leadCount, won]);
  });
});
