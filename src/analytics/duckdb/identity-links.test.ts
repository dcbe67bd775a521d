import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FunnelQueryInput } from "../../domain/analytics/funnel-query.js";
import type { EventRecord } from "../event.js";
import { parseMapping } from "../import/column-mapping.js";
import { importEventFile } from "../import/import-event-file.js";
import { getFunnel } from "../reference/get-funnel.js";
import { getPaths } from "../reference/get-paths.js";
import { IDENTIFY_EVENT, resolveIdentities } from "../resolve-identities.js";
import { DuckDbEventStore } from "./duckdb-event-store.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 5, 1);

function ev(person: string, day: number, event: string, source: string, properties = {}): EventRecord {
  return { person, time: T0 + day * DAY, event, properties, source, id: null };
}

// The web knows an anonymous id, the CRM a contact id, call tracking a phone number.
const WEB = [
  ev("anon-1", 0, "visit", "web"),
  ev("anon-2", 0, "visit", "web"),
  ev("anon-3", 1, "visit", "web"),
];
const CALLS = [ev("+4930123456", 1, "call", "calls"), ev("+4930999999", 2, "call", "calls")];
const CRM = ["person,time,event", "crm-7,2024-06-03,deal_won", "crm-8,2024-06-04,deal_won"].join("\n");
// The CRM export links its contacts to the web id and the phone number they left.
const LINKS = [
  "person,time,event,alias",
  "crm-7,2024-06-01,$identify,anon-1",
  "crm-7,2024-06-01,$identify,+4930123456",
  "crm-8,2024-06-01,$identify,+4930999999",
].join("\n");
const CRM_EVENTS = [ev("crm-7", 2, "deal_won", "crm"), ev("crm-8", 3, "deal_won", "crm")];
const LINK_EVENTS = [
  ev("crm-7", 0, IDENTIFY_EVENT, "links", { alias: "anon-1" }),
  ev("crm-7", 0, IDENTIFY_EVENT, "links", { alias: "+4930123456" }),
  ev("crm-8", 0, IDENTIFY_EVENT, "links", { alias: "+4930999999" }),
];

const FUNNEL: FunnelQueryInput = {
  steps: ["visit", "call", "deal_won"].map((event) => ({ name: event, event })),
  windowMs: 7 * DAY,
};

let dir = "";
let store: DuckDbEventStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-identities-"));
  await writeFile(path.join(dir, "crm.csv"), `${CRM}\n`);
  await writeFile(path.join(dir, "links.csv"), `${LINKS}\n`);
  store = await DuckDbEventStore.open(path.join(dir, "workspace"));
});

afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const importFile = (name: string) =>
  importEventFile(store, path.join(dir, name), { mapping: parseMapping(undefined), skipInvalid: false });

async function importAll(): Promise<void> {
  await store.insertEvents([WEB], { source: "web" });
  await store.insertEvents([CALLS], { source: "calls" });
  await importFile("crm.csv");
  await importFile("links.csv");
}

describe("identity linking in the DuckDB store", () => {
  it("counts web, call and CRM events of one person as one, as the reference does over resolveIdentities", async () => {
    await importAll();
    const result = await store.engine().getFunnel(FUNNEL);
    const reference = getFunnel(resolveIdentities([...WEB, ...CALLS, ...CRM_EVENTS, ...LINK_EVENTS]), FUNNEL);
    expect(result.steps.map((s) => s.people)).toEqual([3, 1, 1]);
    expect(result).toEqual(reference);
    // Unlinked, nobody would get past the first step.
    expect(getFunnel([...WEB, ...CALLS, ...CRM_EVENTS], FUNNEL).steps.map((s) => s.people)).toEqual([
      3, 0, 0,
    ]);
  });

  it("links ids imported before or after the events, and leaves $identify out of every count", async () => {
    await importFile("links.csv");
    await importAll();
    expect(await store.countEvents()).toBe(WEB.length + CALLS.length + CRM_EVENTS.length);
    const counts = await store.eventCounts();
    expect(counts.map((c) => [c.event, c.people])).toEqual([
      ["call", 2],
      ["deal_won", 2],
      ["visit", 3],
    ]);
  });

  it("is idempotent: importing the links again changes nothing", async () => {
    await importAll();
    const before = await store.engine().getFunnel(FUNNEL);
    const again = await importFile("links.csv");
    expect(again).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(await store.engine().getFunnel(FUNNEL)).toEqual(before);
  });

  it("resolves a chain of links a → b → c, and keeps the links in the workspace file", async () => {
    const events = [
      ev("c", 0, "visit", "web"),
      ev("b", 1, "call", "calls"),
      ev("a", 2, "deal_won", "crm"),
      ev("a", 0, IDENTIFY_EVENT, "links", { alias: "b" }),
      ev("b", 0, IDENTIFY_EVENT, "links", { alias: "c" }),
    ];
    await store.insertEvents([events], { source: "test" });
    store.close();
    store = await DuckDbEventStore.open(path.join(dir, "workspace"));
    const query = { stages: FUNNEL.steps.map((s) => ({ name: s.name, event: s.event })) };
    const paths = await store.engine().getPaths(query);
    expect(paths.topPaths.map((p) => [p.names, p.people])).toEqual([[["visit", "call", "deal_won"], 1]]);
    expect(paths).toEqual(getPaths(resolveIdentities(events), query));
  });

  it("opens a workspace file from before identity linking, its events table kept", async () => {
    store.close();
    const file = path.join(dir, "old", "events.duckdb");
    await mkdir(path.dirname(file));
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE events (person VARCHAR NOT NULL, time TIMESTAMP_MS NOT NULL,
      event VARCHAR NOT NULL, properties JSON NOT NULL, source VARCHAR NOT NULL, id VARCHAR, dedupe_key VARCHAR NOT NULL)`);
    await connection.run(`INSERT INTO events VALUES
      ('anon-1', TIMESTAMP '2024-06-01', 'visit', '{}', 'web', NULL, 'h:' || md5('1') || ':1'),
      ('crm-7', TIMESTAMP '2024-06-02', 'deal_won', '{}', 'crm', NULL, 'h:' || md5('2') || ':1'),
      ('crm-7', TIMESTAMP '2024-06-01', '$identify', '{"alias":"anon-1"}', 'crm', NULL, 'h:' || md5('3') || ':1')`);
    connection.closeSync();
    instance.closeSync();
    store = await DuckDbEventStore.open(path.dirname(file));
    expect(await store.countEvents()).toBe(2);
    expect((await store.eventCounts()).map((c) => [c.event, c.people])).toEqual([
      ["deal_won", 1],
      ["visit", 1],
    ]);
    const funnel = await store.engine().getFunnel({
      steps: ["visit", "deal_won"].map((event) => ({ name: event, event })),
    });
    expect(funnel.steps.map((s) => s.people)).toEqual([1, 1]);
  });
});
