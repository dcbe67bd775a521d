import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FunnelQueryInput } from "../../domain/analytics/funnel-query.js";
import type { JourneyMap } from "../../domain/journey-map.js";
import { createMapFromTemplate } from "../../domain/templates/index.js";
import { DuckDbEventStore } from "../duckdb/duckdb-event-store.js";
import { importDemoEvents } from "./import-demo-events.js";

/**
 * The funnel a map stands for: its bound stages in order, with its settings. Each stage of this
 * map has one matcher (its template test says so), so the step is that matcher.
 */
function funnelOf(map: JourneyMap): FunnelQueryInput {
  const steps = map.stages.flatMap((stage) =>
    stage.matchers.slice(0, 1).map((matcher) => ({ name: stage.name, ...matcher })),
  );
  return { steps, ...map.funnelSettings };
}

describe("importDemoEvents", () => {
  let store: DuckDbEventStore;
  beforeEach(async () => {
    store = await DuckDbEventStore.open(":memory:");
  });
  afterEach(() => store.close());

  it("imports the 164,506 completed events of BPIC 2012's 13,087 applications, once", async () => {
    expect(await importDemoEvents(store)).toMatchObject({ inserted: 164_506, duplicates: 0, rejected: 0 });
    const counts = await store.eventCounts();
    expect(counts).toHaveLength(23);
    expect(counts.find((c) => c.event === "A_SUBMITTED")).toEqual({
      event: "A_SUBMITTED",
      people: 13_087,
      events: 13_087,
    });
    expect(counts.find((c) => c.event === "W_Nabellen offertes")).toEqual({
      event: "W_Nabellen offertes",
      people: 5_011,
      events: 22_976,
    });
    expect(await importDemoEvents(store)).toMatchObject({ inserted: 0, duplicates: 164_506 });
  });
});

describe("the loan application map over the demo events", () => {
  let store: DuckDbEventStore;
  beforeAll(async () => {
    store = await DuckDbEventStore.open(":memory:");
    await importDemoEvents(store);
  });
  afterAll(() => store.close());

  it("gives the loan application map 13,087 → 7,367 → 5,113 → 5,015 → 2,246 (its 90-day window holds every approval)", async () => {
    const { map } = createMapFromTemplate("example-loan-application", "en");
    const result = await store.engine().getFunnel(funnelOf(map));
    expect(result.steps.map((s) => [s.name, s.people])).toEqual([
      ["Submitted", 13_087],
      ["Pre-accepted", 7_367],
      ["Accepted", 5_113],
      ["Finalized", 5_015],
      ["Approved", 2_246],
    ]);
    expect(result.keyBarrier.largestLoss).toMatchObject({ fromName: "Finalized", toName: "Approved" });
  });

  it("loses 188 slow approvals with a 30-day window: 2,058 instead of 2,246", async () => {
    const { map } = createMapFromTemplate("example-loan-application", "ru");
    const thirtyDays = { ...funnelOf(map), windowMs: 30 * 24 * 60 * 60 * 1000 };
    const result = await store.engine().getFunnel(thirtyDays);
    expect(result.steps.map((s) => s.people)).toEqual([13_087, 7_367, 5_113, 5_015, 2_058]);
  });
});
