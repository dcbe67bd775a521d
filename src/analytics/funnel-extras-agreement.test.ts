import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventMatcher, PropertyCondition } from "../domain/analytics/event-matcher.js";
import type { FunnelQueryInput } from "../domain/analytics/funnel-query.js";
import { clickHouseFunnel } from "./clickhouse/clickhouse-funnel.test-support.js";
import { duckDbFunnel } from "./duckdb/duckdb-funnel.test-support.js";
import type { EventRecord } from "./event.js";
import { getFunnel } from "./reference/get-funnel.js";

/**
 * Differential test of the whole result — alternatives (`or`), segments, time to convert,
 * breakdowns and conversion over time — each engine against the reference. Events spread over nine
 * days (Sunday to Monday) on a 10-minute grid, so ties, day and week boundaries all bite.
 */

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** 2024-06-02, a Sunday. */
const BASE = Date.UTC(2024, 5, 2);
const NAMES = ["a", "b", "c", "d", "x"];

const eventArb = fc.record({
  person: fc.constantFrom("p1", "p2", "p3", "p4"),
  time: fc
    .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
    .map(([day, slot]) => BASE + day * DAY + slot * 10 * MIN - 30 * MIN),
  event: fc.constantFrom(...NAMES),
  properties: fc.oneof(
    fc.record({ n: fc.integer({ min: 0, max: 3 }), tag: fc.constantFrom("u", "v", "w") }),
    fc.record({ n: fc.constantFrom(1.5, 2) }),
    fc.constant({}),
  ),
  source: fc.constant("gen"),
  id: fc.constant(null),
}) satisfies fc.Arbitrary<EventRecord>;

const whereArb: fc.Arbitrary<PropertyCondition[]> = fc.oneof(
  fc.constant<PropertyCondition[]>([]),
  fc.constant<PropertyCondition[]>([]),
  fc.constantFrom("u", "v").map((value) => [{ property: "tag", op: "equals" as const, value }]),
  fc.integer({ min: 0, max: 3 }).map((value) => [{ property: "n", op: "gte" as const, value }]),
);

const matcherArb: fc.Arbitrary<EventMatcher> = fc.record({
  event: fc.constantFrom(...NAMES),
  where: whereArb,
});

const stepArb = fc.record({
  event: fc.constantFrom(...NAMES),
  where: whereArb,
  or: fc.array(matcherArb, { maxLength: 2 }),
});

const breakdownArb = fc.record({
  property: fc.constantFrom("tag", "n"),
  attribution: fc.constantFrom("first", "last", "step" as const),
  step: fc.integer({ min: 1, max: 3 }),
  limit: fc.integer({ min: 1, max: 3 }),
});

const queryArb = fc
  .record({
    steps: fc.array(stepArb, { minLength: 1, maxLength: 3, size: "max" }),
    windowMs: fc.constantFrom(0, 20 * MIN, 60 * MIN, DAY, 3 * DAY),
    order: fc.constantFrom("sequential", "sequential", "strict", "any" as const),
    unit: fc.constantFrom("person", "person", "session" as const),
    exclusion: fc.option(
      fc.record({ event: fc.constantFrom(...NAMES), or: fc.array(matcherArb, { maxLength: 1 }) }),
      {
        nil: undefined,
      },
    ),
    segment: fc.oneof(fc.constant<PropertyCondition[]>([]), whereArb),
    breakdown: fc.option(breakdownArb, { nil: undefined }),
    interval: fc.option(fc.constantFrom("day", "week" as const), { nil: undefined }),
  })
  .map(({ steps, exclusion, breakdown, ...rest }): FunnelQueryInput => {
    const ordered = rest.order !== "any";
    return {
      ...rest,
      steps: steps.map((step, i) => ({ name: `s${i + 1}`, ...step })),
      exclusions: ordered && exclusion && steps.length > 1 ? [exclusion] : [],
      ...(ordered && breakdown
        ? {
            breakdown: {
              ...breakdown,
              step: breakdown.attribution === "step" ? Math.min(breakdown.step, steps.length) : undefined,
            },
          }
        : {}),
    };
  });

/** Runs per engine: each loads its log into a fresh store (chdb: ~0.25 s a run, DuckDB ~0.1 s). */
const implementations = [
  { name: "DuckDB", run: duckDbFunnel, numRuns: 200 },
  { name: "ClickHouse", run: clickHouseFunnel, numRuns: 100 },
];

describe.each(implementations)("$name engine against the reference, whole result", ({ run, numRuns }) => {
  it("agrees exactly on alternatives, segments, time to convert, breakdowns and periods", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 2, maxLength: 30 }),
        queryArb,
        async (events, query) => {
          expect(await run(events, query)).toEqual(getFunnel(events, query));
        },
      ),
      { numRuns },
    );
  });
});
