import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FunnelQueryInput } from "../../domain/analytics/funnel-query.js";
import type { EventRecord } from "../event.js";
import { getFunnel } from "../reference/get-funnel.js";
import { IDENTIFY_EVENT, resolveIdentities } from "../resolve-identities.js";
import { DuckDbEventStore } from "./duckdb-event-store.js";

/**
 * The person timeline (person-timeline.ts) answers funnels of plain event names from memory, so
 * these tests write between queries: every answer must reflect exactly the data as committed.
 */

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 5, 1);

function ev(person: string, hour: number, event: string, properties = {}): EventRecord {
  return { person, time: T0 + hour * HOUR, event, properties, source: "test", id: null };
}

const FUNNEL: FunnelQueryInput = {
  steps: ["visit", "signup", "pay"].map((event) => ({ name: event, event })),
  windowMs: 24 * HOUR,
};

let store: DuckDbEventStore;
let stored: EventRecord[];

beforeEach(async () => {
  store = await DuckDbEventStore.open(":memory:");
  stored = [];
});

afterEach(() => store.close());

async function insert(events: EventRecord[]): Promise<void> {
  await store.insertEvents([events], { source: "test" });
  stored.push(...events);
}

const people = async () => (await store.engine().getFunnel(FUNNEL)).steps.map((s) => s.people);

describe("funnels answered from the person timeline", () => {
  it("see every import made since the last query, and identities linked later", async () => {
    await insert([ev("a", 0, "visit"), ev("b", 1, "visit")]);
    expect(await people()).toEqual([2, 0, 0]);
    await insert([ev("a", 2, "signup"), ev("a", 3, "pay")]);
    expect(await people()).toEqual([2, 1, 1]);
    // b signs up under another id; linking it makes b a second converted person.
    await insert([ev("crm-9", 4, "signup"), ev("crm-9", 5, "pay")]);
    expect(await people()).toEqual([2, 1, 1]);
    await insert([ev("crm-9", 0, IDENTIFY_EVENT, { alias: "b" })]);
    expect(await people()).toEqual([2, 2, 2]);
    expect(await store.engine().getFunnel(FUNNEL)).toEqual(getFunnel(resolveIdentities(stored), FUNNEL));
  });

  it("keep answering from the stored data when an import fails, and see the next one", async () => {
    await insert([ev("a", 0, "visit"), ev("a", 1, "signup")]);
    const before = await store.engine().getFunnel(FUNNEL);
    async function* failing(): AsyncIterable<EventRecord[]> {
      yield [ev("a", 2, "pay")];
      throw new Error("row 2: bad time");
    }
    await expect(store.insertEvents(failing(), { source: "test" })).rejects.toThrow("bad time");
    expect(await store.engine().getFunnel(FUNNEL)).toEqual(before);
    await insert([ev("a", 2, "pay")]);
    expect(await people()).toEqual([1, 1, 1]);
  });

  it("never keep a timeline read while an import was running", async () => {
    await insert([ev("a", 0, "visit")]);
    // Queries and imports race on one connection; whatever a query saw, the next one sees all.
    await Promise.all([people(), insert([ev("a", 1, "signup"), ev("b", 0, "visit")])]);
    expect(await people()).toEqual([2, 1, 0]);
    await Promise.all([insert([ev("b", 1, "signup"), ev("b", 2, "pay")]), people()]);
    expect(await people()).toEqual([2, 2, 1]);
  });

  it("are answered in SQL, the same, by a store with more events than it keeps a timeline for", async () => {
    const events = [ev("a", 0, "visit"), ev("a", 1, "signup"), ev("b", 0, "visit"), ev("b", 30, "signup")];
    const small = await DuckDbEventStore.open(":memory:", { timelineMaxEvents: 3 });
    try {
      await small.insertEvents([events], { source: "test" });
      const paths = { stages: FUNNEL.steps.map((s) => ({ name: s.name, event: s.event })) };
      expect((await small.engine().getFunnel(FUNNEL)).steps.map((s) => s.people)).toEqual([2, 1, 0]);
      await insert(events);
      expect(await small.engine().getFunnel(FUNNEL)).toEqual(await store.engine().getFunnel(FUNNEL));
      expect(await small.engine().getPaths(paths)).toEqual(await store.engine().getPaths(paths));
    } finally {
      small.close();
    }
  });

  it("agree with the SQL path, which a property condition forces", async () => {
    await insert([
      ev("a", 0, "visit", { ok: true }),
      ev("a", 0, "signup", { ok: true }),
      ev("a", 30, "pay", { ok: true }),
      ev("b", 5, "pay", { ok: true }),
      ev("b", 6, "visit", { ok: true }),
      ev("b", 7, "signup", { ok: true }),
      ev("b", 7, "pay", { ok: true }),
    ]);
    const withCondition: FunnelQueryInput = {
      ...FUNNEL,
      steps: FUNNEL.steps.map((step) => ({
        ...step,
        where: [{ property: "ok", op: "equals", value: true }],
      })),
    };
    const timeline = await store.engine().getFunnel(FUNNEL);
    expect(timeline.steps.map((s) => s.people)).toEqual([2, 2, 1]);
    const sql = await store.engine().getFunnel(withCondition);
    expect(sql.steps.map((s) => s.people)).toEqual(timeline.steps.map((s) => s.people));
    expect(sql.timeToConvert).toEqual(timeline.timeToConvert);
  });
});
