import { describe, expect, it } from "vitest";
import type { FunnelQueryInput, FunnelResult } from "../domain/analytics/funnel-query.js";
import { ValidationError } from "../domain/errors.js";
import { clickHouseFunnel } from "./clickhouse/clickhouse-funnel.test-support.js";
import { duckDbFunnel } from "./duckdb/duckdb-funnel.test-support.js";
import type { EventRecord } from "./event.js";
import { getFunnel } from "./reference/get-funnel.js";

/** Hand-written cases from ClickHouse windowFunnel / PostHog semantics, run on every implementation. */

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function ev(
  person: string,
  time: number,
  event: string,
  properties: Record<string, unknown> = {},
): EventRecord {
  return { person, time, event, properties, source: "test", id: null };
}

function steps(...events: string[]): FunnelQueryInput["steps"] {
  return events.map((event, i) => ({ name: `${i + 1}:${event}`, event }));
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

describe.each(implementations)("funnel semantics: $name", ({ run }) => {
  const people = async (events: EventRecord[], query: FunnelQueryInput) =>
    (await run(events, query)).steps.map((s) => s.people);

  it("orders equal timestamps by step index, whatever the input order", async () => {
    const events = [ev("u", 1000, "pay"), ev("u", 1000, "signup"), ev("u", 1000, "visit")];
    expect(await people(events, { steps: steps("visit", "signup", "pay") })).toEqual([1, 1, 1]);
  });

  it("counts the window from the step-1 event, inclusive (ClickHouse 00632)", async () => {
    const events = [1, 2, 3, 4, 5].map((s) => ev("u", s * 1000, `e${s}`));
    const query = (windowMs: number) => ({ steps: steps("e1", "e2", "e3", "e4", "e5"), windowMs });
    expect(await people(events, query(2000))).toEqual([1, 1, 1, 0, 0]);
    expect(await people(events, query(3000))).toEqual([1, 1, 1, 1, 0]);
    expect(await people(events, query(4000))).toEqual([1, 1, 1, 1, 1]);
  });

  it("lets one event count for one step only (repeated steps need distinct events)", async () => {
    const query = { steps: steps("visit", "visit", "pay") };
    expect(await people([ev("u", 0, "visit"), ev("u", 5, "pay")], query)).toEqual([1, 0, 0]);
    expect(await people([ev("u", 0, "visit"), ev("u", 0, "visit"), ev("u", 5, "pay")], query)).toEqual([
      1, 1, 1,
    ]);
  });

  it("keeps the best chain: the latest start that still reaches the step", async () => {
    const events = [
      ev("u", 0, "visit"),
      ev("u", 10 * MIN, "visit"),
      ev("u", 15 * MIN, "signup"),
      ev("u", 25 * MIN, "pay"),
    ];
    expect(await people(events, { steps: steps("visit", "signup", "pay"), windowMs: 15 * MIN })).toEqual([
      1, 1, 1,
    ]);
    expect(await people(events, { steps: steps("visit", "signup", "pay"), windowMs: 14 * MIN })).toEqual([
      1, 1, 0,
    ]);
  });

  it("lets other events in between in sequential order but not in strict order", async () => {
    const events = [ev("u", 0, "visit"), ev("u", 1, "scroll"), ev("u", 2, "signup")];
    expect(await people(events, { steps: steps("visit", "signup") })).toEqual([1, 1]);
    expect(await people(events, { steps: steps("visit", "signup"), order: "strict" })).toEqual([1, 0]);
    const retried = [...events, ev("u", 3, "visit"), ev("u", 4, "signup")];
    expect(await people(retried, { steps: steps("visit", "signup"), order: "strict" })).toEqual([1, 1]);
  });

  it("takes the steps in any order", async () => {
    const events = [ev("u", 0, "pay"), ev("u", 1, "signup"), ev("u", 2, "visit"), ev("v", 0, "signup")];
    expect(await people(events, { steps: steps("visit", "signup", "pay"), order: "any" })).toEqual([1, 1, 1]);
    expect(await people(events, { steps: steps("visit", "signup", "pay") })).toEqual([1, 0, 0]);
  });

  it("removes a person who does an excluded event between the steps, inside the window", async () => {
    const query = { steps: steps("visit", "signup"), windowMs: DAY, exclusions: [{ event: "refund" }] };
    const between = [ev("a", 0, "visit"), ev("a", 1, "refund"), ev("a", 2, "signup")];
    const afterDone = [ev("b", 0, "visit"), ev("b", 2, "signup"), ev("b", 3, "refund")];
    const stoppedThenExcluded = [ev("c", 0, "visit"), ev("c", 5, "refund")];
    const excludedAfterWindow = [ev("d", 0, "visit"), ev("d", 2 * DAY, "refund")];
    const result = await run(
      [...between, ...afterDone, ...stoppedThenExcluded, ...excludedAfterWindow],
      query,
    );
    expect(result.steps.map((s) => s.people)).toEqual([2, 1]);
    expect(result.excluded).toBe(2);
  });

  it("keeps a person whose later chain is clean of the excluded event", async () => {
    const events = [ev("a", 0, "visit"), ev("a", 1, "refund"), ev("a", 2, "visit"), ev("a", 3, "signup")];
    const query = { steps: steps("visit", "signup"), exclusions: [{ event: "refund" }] };
    expect((await run(events, query)).excluded).toBe(0);
    expect(await people(events, query)).toEqual([1, 1]);
  });

  it("applies an exclusion only between its steps", async () => {
    const events = [ev("a", 0, "visit"), ev("a", 1, "refund"), ev("a", 2, "signup"), ev("a", 3, "pay")];
    const exclusion = (fromStep: number, toStep: number) => ({
      steps: steps("visit", "signup", "pay"),
      exclusions: [{ event: "refund", fromStep, toStep }],
    });
    expect(await people(events, exclusion(2, 3))).toEqual([1, 1, 1]);
    expect((await run(events, exclusion(1, 2))).excluded).toBe(1);
  });

  it("enforces a maximum gap per step, inclusive", async () => {
    const events = [ev("u", 0, "visit"), ev("u", 10, "signup"), ev("u", 30, "pay")];
    const query = (maxGapMs: number) => ({
      steps: [...steps("visit", "signup"), { name: "pay", event: "pay", maxGapMs }],
    });
    expect(await people(events, query(20))).toEqual([1, 1, 1]);
    expect(await people(events, query(19))).toEqual([1, 1, 0]);
  });

  it("starts chains only inside the entry range", async () => {
    const events = [ev("u", 0, "visit"), ev("u", 100, "signup"), ev("v", 50, "visit"), ev("v", 60, "signup")];
    const query = (from: number, to: number) => ({ steps: steps("visit", "signup"), windowMs: 50, from, to });
    expect(await people(events, query(10, 60))).toEqual([1, 1]);
    expect(await people(events, query(0, 50))).toEqual([1, 0]);
  });

  it("counts sessions split at 30 minutes of inactivity", async () => {
    const events = [
      ev("u", 0, "visit"),
      ev("u", 20 * MIN, "scroll"),
      ev("u", 45 * MIN, "signup"),
      ev("u", 80 * MIN, "visit"),
    ];
    const query = { steps: steps("visit", "signup"), unit: "session" as const };
    expect(await people(events, query)).toEqual([2, 1]);
    expect(await people(events.slice(0, 1).concat(events.slice(2)), query)).toEqual([2, 0]);
  });

  it("matches property conditions", async () => {
    const events = [
      ev("a", 0, "visit", { channel: "ads", url: "/pricing?x=1", revenue: 12 }),
      ev("b", 0, "visit", { channel: "seo", url: "/blog", revenue: "7.5" }),
      ev("c", 0, "visit", { channel: true, revenue: "n/a" }),
    ];
    const count = async (where: NonNullable<FunnelQueryInput["steps"][number]["where"]>) =>
      (await people(events, { steps: [{ name: "visit", event: "visit", where }] }))[0];
    expect(await count([{ property: "channel", op: "equals", value: "ads" }])).toBe(1);
    expect(await count([{ property: "channel", op: "equals", value: true }])).toBe(1);
    expect(await count([{ property: "channel", op: "in", value: ["ads", "seo"] }])).toBe(2);
    expect(await count([{ property: "url", op: "contains", value: "pricing" }])).toBe(1);
    expect(await count([{ property: "url", op: "regex", value: "^/(blog|docs)" }])).toBe(1);
    expect(await count([{ property: "revenue", op: "gte", value: 7.5 }])).toBe(2);
    expect(await count([{ property: "revenue", op: "equals", value: 12 }])).toBe(1);
    expect(await count([{ property: "missing", op: "lt", value: 100 }])).toBe(0);
  });

  it("reports conversion, people lost and the key barrier", async () => {
    const events = [
      ...["a", "b", "c", "d"].map((p) => ev(p, 0, "visit")),
      ...["a", "b", "c"].map((p) => ev(p, 1, "signup")),
      ev("a", 2, "pay"),
    ];
    const result = await run(events, {
      steps: [...steps("visit", "signup"), { name: "pay", event: "pay", target: 50 }],
    });
    expect(result.steps.map((s) => [s.people, s.lost])).toEqual([
      [4, 0],
      [3, 1],
      [1, 2],
    ]);
    expect(result.steps[2]?.conversionFromPrevious).toBeCloseTo(100 / 3);
    expect(result.steps[2]?.conversionFromStart).toBe(25);
    expect(result.keyBarrier.largestLoss).toMatchObject({ fromStep: 2, toStep: 3, lost: 2 });
    expect(result.keyBarrier.furthestBelowTarget?.gapToTarget).toBeCloseTo(50 - 100 / 3);
  });

  it("refuses a query it cannot answer, naming the field", async () => {
    await expect(
      run([], { steps: steps("a", "b"), exclusions: [{ event: "x", fromStep: 2, toStep: 2 }] }),
    ).rejects.toThrow(ValidationError);
    await expect(run([], { steps: [] })).rejects.toThrow(/query\.steps/);
  });
});
