import { describe, expect, it } from "vitest";
import type { FunnelQueryInput, FunnelResult } from "../domain/analytics/funnel-query.js";
import { ValidationError } from "../domain/errors.js";
import { clickHouseFunnel } from "./clickhouse/clickhouse-funnel.test-support.js";
import { duckDbFunnel } from "./duckdb/duckdb-funnel.test-support.js";
import type { EventRecord } from "./event.js";
import { getFunnel } from "./reference/get-funnel.js";

/**
 * Hand-written cases for alternatives, segments, time to convert, breakdowns and conversion over
 * time (docs/analytics.md), run on every implementation that has them.
 */

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Monday 2024-06-03 00:00 UTC. */
const MONDAY = Date.UTC(2024, 5, 3);

function ev(
  person: string,
  time: number,
  event: string,
  properties: Record<string, unknown> = {},
): EventRecord {
  return { person, time, event, properties, source: "test", id: null };
}

function steps(...events: string[]): FunnelQueryInput["steps"] {
  return events.map((event) => ({ name: event, event }));
}

type Implementation = {
  name: string;
  run: (events: EventRecord[], query: FunnelQueryInput) => Promise<FunnelResult>;
};

const implementations: Implementation[] = [
  { name: "reference", run: async (events, query) => getFunnel(events, query) },
  { name: "duckdb", run: duckDbFunnel },
  { name: "clickhouse", run: clickHouseFunnel },
];

describe.each(implementations)("funnel extras: $name", ({ run }) => {
  const people = async (events: EventRecord[], query: FunnelQueryInput) =>
    (await run(events, query)).steps.map((s) => s.people);

  it("lets a step or an exclusion match any of its alternatives", async () => {
    const events = [
      ev("a", 0, "visit"),
      ev("a", 1, "call", { kind: "inbound" }),
      ev("b", 0, "visit"),
      ev("b", 1, "form"),
      ev("c", 0, "visit"),
      ev("c", 1, "call", { kind: "outbound" }),
      ev("c", 2, "refund"),
    ];
    const lead = {
      name: "lead",
      event: "form",
      or: [{ event: "call", where: [{ property: "kind", op: "equals" as const, value: "inbound" }] }],
    };
    expect(await people(events, { steps: [...steps("visit"), lead] })).toEqual([3, 2]);
    const exclusions = [{ event: "nothing", or: [{ event: "refund" }] }];
    const result = await run(events, { steps: [...steps("visit"), lead], exclusions });
    expect([result.steps.map((s) => s.people), result.excluded]).toEqual([[2, 2], 1]);
  });

  it("counts only people in the segment, judged on any of their events at any time", async () => {
    const events = [
      ev("a", 0, "visit"),
      ev("a", 1, "signup"),
      ev("a", 10 * DAY, "profile", { plan: "pro" }),
      ev("b", 0, "visit", { plan: "free" }),
      ev("c", 0, "visit"),
    ];
    const segment = [{ property: "plan", op: "equals" as const, value: "pro" }];
    expect(await people(events, { steps: steps("visit", "signup"), segment, to: DAY })).toEqual([1, 1]);
  });

  it("times each transition from the chain's start, with nearest-rank median and p90", async () => {
    // Person a retries: the latest start (visit at 10 min) reaches pay, so a's times come from it.
    const events = [
      ev("a", 0, "visit"),
      ev("a", 10 * MIN, "visit"),
      ev("a", 15 * MIN, "signup"),
      ev("a", 16 * MIN, "signup"),
      ev("a", 25 * MIN, "pay"),
      ...[1, 2, 3, 4].map((m) => ev(`p${m}`, 0, "visit")),
      ...[1, 2, 3, 4].map((m) => ev(`p${m}`, m * MIN, "signup")),
    ];
    const result = await run(events, { steps: steps("visit", "signup", "pay"), windowMs: 20 * MIN });
    const [first, second] = result.timeToConvert;
    expect(first).toMatchObject({ fromStep: 1, toStep: 2, people: 5, medianMs: 3 * MIN, p90Ms: 5 * MIN });
    // 5 times → ⌈∛5⌉ = 2 bins; span 1..5 min is 240 001 ms, so each bin is 120 001 ms wide.
    expect(first?.histogram).toEqual([
      { fromMs: MIN, toMs: MIN + 120_001, people: 3 },
      { fromMs: MIN + 120_001, toMs: MIN + 240_002, people: 2 },
    ]);
    expect(second).toMatchObject({ people: 1, medianMs: 10 * MIN, p90Ms: 10 * MIN });
    expect(second?.histogram).toEqual([{ fromMs: 10 * MIN, toMs: 10 * MIN + 1, people: 1 }]);
  });

  it("reports empty times when nobody converts, and in any order", async () => {
    const events = [ev("a", 0, "visit"), ev("a", 5, "signup")];
    const none = await run(events, { steps: steps("visit", "pay") });
    expect(none.timeToConvert).toEqual([
      { fromStep: 1, toStep: 2, people: 0, medianMs: null, p90Ms: null, histogram: [] },
    ]);
    const any = await run(events, { steps: steps("visit", "signup"), order: "any" });
    expect(any.timeToConvert[0]?.people).toBe(0);
  });

  it("breaks down by the first, the last or a given step's property, missing as null", async () => {
    const events = [
      ev("a", 0, "visit", { channel: "ads" }),
      ev("a", 1, "signup", { channel: "email" }),
      ev("b", 0, "visit", { channel: "seo" }),
      ev("c", 0, "visit", { channel: "ads" }),
      ev("c", 1, "signup"),
      ev("d", 0, "visit", { channel: 7 }),
    ];
    const groups = async (breakdown: FunnelQueryInput["breakdown"]) => {
      const result = await run(events, { steps: steps("visit", "signup"), breakdown });
      return result.breakdown?.groups.map((g) => [g.value, g.steps.map((s) => s.people)]);
    };
    expect(await groups({ property: "channel", attribution: "first" })).toEqual([
      ["ads", [2, 2]],
      ["7", [1, 0]],
      ["seo", [1, 0]],
    ]);
    expect(await groups({ property: "channel", attribution: "last" })).toEqual([
      ["7", [1, 0]],
      ["email", [1, 1]],
      ["seo", [1, 0]],
      [null, [1, 1]],
    ]);
    expect(await groups({ property: "channel", attribution: "step", step: 2 })).toEqual([
      [null, [3, 1]],
      ["email", [1, 1]],
    ]);
    expect(await groups({ property: "channel", attribution: "first", limit: 1 })).toEqual([
      ["ads", [2, 2]],
      ["(other)", [2, 0]],
    ]);
  });

  it("takes the smallest value when several step events share the chain's instant", async () => {
    const events = [ev("a", 0, "visit", { channel: "seo" }), ev("a", 0, "visit", { channel: "ads" })];
    const result = await run(events, {
      steps: steps("visit"),
      breakdown: { property: "channel", attribution: "first" },
    });
    expect(result.breakdown?.groups.map((g) => g.value)).toEqual(["ads"]);
  });

  it("attributes tied events of equal order key alike, whatever order they were stored in", async () => {
    // Both events match steps 1 and 2: which one is step 1 is arbitrary, so either may carry the value.
    const events = [
      ev("a", 0, "visit", { channel: "ads" }),
      ev("a", 0, "visit"),
      ev("b", 0, "visit"),
      ev("b", 0, "visit", { channel: "ads" }),
    ];
    for (const attribution of ["first", "last"] as const) {
      const result = await run(events, {
        steps: steps("visit", "visit"),
        breakdown: { property: "channel", attribution },
      });
      expect(result.breakdown?.groups.map((g) => [g.value, g.steps.map((s) => s.people)])).toEqual([
        ["ads", [2, 2]],
      ]);
    }
  });
  it("shows conversion by UTC day and by ISO week of entry, empty periods included", async () => {
    const events = [
      ev("a", MONDAY - 1, "visit"),
      ev("a", MONDAY + 5 * MIN, "signup"),
      ev("b", MONDAY + 2 * DAY, "visit"),
      ev("c", MONDAY + 2 * DAY + 1, "visit"),
      ev("c", MONDAY + 2 * DAY + 2, "signup"),
    ];
    const daily = await run(events, { steps: steps("visit", "signup"), interval: "day" });
    expect(daily.overTime).toEqual({
      interval: "day",
      periods: [
        { start: MONDAY - DAY, entered: 1, steps: [1, 1], conversion: 100 },
        { start: MONDAY, entered: 0, steps: [0, 0], conversion: null },
        { start: MONDAY + DAY, entered: 0, steps: [0, 0], conversion: null },
        { start: MONDAY + 2 * DAY, entered: 2, steps: [2, 1], conversion: 50 },
      ],
    });
    const weekly = await run(events, { steps: steps("visit", "signup"), interval: "week" });
    expect(weekly.overTime?.periods.map((p) => [p.start, p.entered])).toEqual([
      [MONDAY - 7 * DAY, 1],
      [MONDAY, 2],
    ]);
    const anyOrder = await run(events, { steps: steps("visit", "signup"), order: "any", interval: "week" });
    expect(anyOrder.overTime?.periods.map((p) => p.steps)).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it("refuses a breakdown it cannot attribute, naming the field", async () => {
    await expect(
      run([], { steps: steps("a", "b"), order: "any", breakdown: { property: "x", attribution: "first" } }),
    ).rejects.toThrow(/query\.breakdown/);
    await expect(
      run([], { steps: steps("a", "b"), breakdown: { property: "x", attribution: "step", step: 3 } }),
    ).rejects.toThrow(ValidationError);
  });
});
