import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../domain/errors.js";
import { comparePeriods, type Period } from "./compare-periods.js";
import { DuckDbEventStore } from "./duckdb/duckdb-event-store.js";
import type { EventRecord } from "./event.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PERIOD_A: Period = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 15) };
const PERIOD_B: Period = { from: Date.UTC(2024, 1, 1), to: Date.UTC(2024, 1, 15) };
const QUERY = {
  steps: [
    { name: "visit", event: "visit" },
    { name: "signup", event: "signup" },
    { name: "pay", event: "pay" },
  ],
  windowMs: 7 * DAY,
};

let store: DuckDbEventStore;

beforeEach(async () => {
  store = await DuckDbEventStore.open(":memory:");
});

afterEach(() => {
  store.close();
});

function ev(person: string, time: number, event: string): EventRecord {
  return { person, time, event, properties: {}, source: "test", id: null };
}

/**
 * `people` visitors spread over the period's first days, the first `signups` of them signing up
 * an hour later and the first `pays` paying a day after that.
 */
function cohort(prefix: string, period: Period, people: number, signups: number, pays = 0): EventRecord[] {
  return Array.from({ length: people }, (_, i) => {
    const start = period.from + (i % 10) * DAY;
    const person = `${prefix}${i}`;
    return [
      ev(person, start, "visit"),
      ...(i < signups ? [ev(person, start + HOUR, "signup")] : []),
      ...(i < pays ? [ev(person, start + HOUR + DAY, "pay")] : []),
    ];
  }).flat();
}

async function load(events: EventRecord[]): Promise<number | null> {
  await store.insertEvents([events], { source: "test" });
  return store.lastEventTime();
}

describe("comparePeriods", () => {
  it("compares 50/200 with 80/200: +15 pp, p < 0.01, B is better", async () => {
    const dataEnd = await load([
      ...cohort("a", PERIOD_A, 200, 50, 25),
      ...cohort("b", PERIOD_B, 200, 80, 40),
      ev("late", Date.UTC(2024, 2, 1), "visit"),
    ]);
    const comparison = await comparePeriods(store.engine(), {
      query: QUERY,
      periodA: PERIOD_A,
      periodB: PERIOD_B,
      transition: 1,
      dataEnd,
    });
    expect(comparison.warnings).toEqual([]);
    expect(comparison.transitions).toHaveLength(1);
    const [signup] = comparison.transitions;
    expect(signup).toMatchObject({
      fromName: "visit",
      toName: "signup",
      a: { reached: 200, converted: 50, conversion: 25 },
      b: { reached: 200, converted: 80, conversion: 40 },
      verdict: "better",
      warnings: [],
    });
    expect(signup?.differencePoints).toBeCloseTo(15, 10);
    expect(signup?.pValue).toBeLessThan(0.01);
    expect(signup?.interval?.low).toBeGreaterThan(0);
    expect(signup?.summary).toMatch(/^B is better: \+15 pp \(95 % CI \+\d/);
  });

  it("compares every transition by default, and sees no difference in equal shares", async () => {
    const dataEnd = await load([
      ...cohort("a", PERIOD_A, 200, 100, 50),
      ...cohort("b", PERIOD_B, 200, 80, 40),
    ]);
    const comparison = await comparePeriods(store.engine(), {
      query: QUERY,
      periodA: PERIOD_A,
      periodB: PERIOD_B,
      dataEnd,
    });
    expect(comparison.transitions.map((t) => [t.fromName, t.toName, t.verdict])).toEqual([
      ["visit", "signup", "worse"],
      ["signup", "pay", "no-difference"],
    ]);
    expect(comparison.transitions[1]?.summary).toMatch(/^no detectable difference: 0 pp/);
  });

  it("warns when a period's window reaches past the last event", async () => {
    // Period B's last entrants have until Feb 21 to convert; the data stops on Feb 16.
    const dataEnd = await load([
      ...cohort("a", PERIOD_A, 100, 40),
      ...cohort("b", PERIOD_B, 100, 40),
      ev("last", Date.UTC(2024, 1, 16), "visit"),
    ]);
    const comparison = await comparePeriods(store.engine(), {
      query: QUERY,
      periodA: PERIOD_A,
      periodB: PERIOD_B,
      transition: 1,
      dataEnd,
    });
    expect(comparison.warnings).toHaveLength(1);
    expect(comparison.warnings[0]).toMatch(
      /^period B's window is not complete yet: .*2024-02-21T23:59:59\.999Z/,
    );
  });

  it("warns when a sample is too small to tell, and still reports the numbers", async () => {
    const dataEnd = await load([
      ...cohort("a", PERIOD_A, 20, 2),
      ...cohort("b", PERIOD_B, 200, 80),
      ev("late", Date.UTC(2024, 2, 1), "visit"),
    ]);
    const comparison = await comparePeriods(store.engine(), {
      query: QUERY,
      periodA: PERIOD_A,
      periodB: PERIOD_B,
      transition: 1,
      dataEnd,
    });
    const [signup] = comparison.transitions;
    expect(signup?.a).toMatchObject({ reached: 20, converted: 2 });
    expect(signup?.warnings).toEqual([
      expect.stringMatching(/^period A is too small to tell: 20 reached, 2 converted/),
    ]);
    expect(signup?.pValue).not.toBeNull();
  });

  it("says there is no data when nobody entered in a period", async () => {
    const dataEnd = await load([...cohort("a", PERIOD_A, 50, 20), ev("late", Date.UTC(2024, 2, 1), "visit")]);
    const comparison = await comparePeriods(store.engine(), {
      query: QUERY,
      periodA: PERIOD_A,
      periodB: PERIOD_B,
      transition: 2,
      dataEnd,
    });
    expect(comparison.transitions[0]).toMatchObject({
      verdict: "no-data",
      differencePoints: null,
      pValue: null,
    });
  });

  it("refuses a reversed period and a transition past the last step", async () => {
    const engine = store.engine();
    const reversed = { from: PERIOD_A.to, to: PERIOD_A.from };
    await expect(
      comparePeriods(engine, { query: QUERY, periodA: reversed, periodB: PERIOD_B, dataEnd: null }),
    ).rejects.toThrow(new ValidationError("period A: the start must be before the end", "periodA"));
    await expect(
      comparePeriods(engine, {
        query: QUERY,
        periodA: PERIOD_A,
        periodB: PERIOD_B,
        transition: 3,
        dataEnd: null,
      }),
    ).rejects.toThrow(/transition must be a step number from 1 to 2/);
  });
});
