import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PropertyCondition } from "../domain/analytics/event-matcher.js";
import type { FunnelQueryInput } from "../domain/analytics/funnel-query.js";
import { clickHouseFunnel } from "./clickhouse/clickhouse-funnel.test-support.js";
import { duckDbFunnel } from "./duckdb/duckdb-funnel.test-support.js";
import type { EventRecord } from "./event.js";
import { getFunnel } from "./reference/get-funnel.js";

/**
 * Differential test: random event logs and queries, the DuckDB engine against the reference.
 * Times fall on a 10-minute grid so equal timestamps, windows, gaps and 30-minute sessions all bite.
 */

const MIN = 60_000;
const NAMES = ["a", "b", "c", "d", "x"];

const eventArb = fc.record({
  person: fc.constantFrom("p1", "p2", "p3"),
  time: fc.integer({ min: 0, max: 12 }).map((slot) => slot * 10 * MIN),
  event: fc.constantFrom(...NAMES),
  properties: fc.record({ n: fc.integer({ min: 0, max: 3 }), tag: fc.constantFrom("u", "v") }),
  source: fc.constant("gen"),
  id: fc.constant(null),
}) satisfies fc.Arbitrary<EventRecord>;

const whereArb: fc.Arbitrary<PropertyCondition[]> = fc.oneof(
  fc.constant<PropertyCondition[]>([]),
  fc.constant<PropertyCondition[]>([]),
  fc.constantFrom("u", "v").map((value) => [{ property: "tag", op: "equals" as const, value }]),
  fc.integer({ min: 0, max: 3 }).map((value) => [{ property: "n", op: "gte" as const, value }]),
);

/** Exclusions mostly without conditions, so they hit often. */
const exclusionWhereArb: fc.Arbitrary<PropertyCondition[]> = fc.oneof(
  fc.constant<PropertyCondition[]>([]),
  fc.constant<PropertyCondition[]>([]),
  whereArb,
);

const stepArb = fc.record({
  event: fc.constantFrom(...NAMES),
  where: whereArb,
  maxGapMs: fc.option(
    fc.constantFrom(0, 10, 20, 40).map((m) => m * MIN),
    { nil: undefined },
  ),
});

const queryArb = fc
  .record({
    steps: fc.array(stepArb, { minLength: 1, maxLength: 4, size: "max" }),
    windowMs: fc.constantFrom(0, 10, 20, 30, 60, 120, 240).map((m) => m * MIN),
    order: fc.constantFrom("sequential", "sequential", "strict", "any" as const),
    unit: fc.constantFrom("person", "session" as const),
    exclusions: fc.array(
      fc.record({
        event: fc.constantFrom(...NAMES),
        where: exclusionWhereArb,
        span: fc.nat(3),
        length: fc.nat(3),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    entry: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([from, length]) => ({
        from: from * 10 * MIN,
        to: (from + length) * 10 * MIN,
      })),
      { nil: undefined },
    ),
  })
  .map(({ steps, exclusions, entry, ...rest }): FunnelQueryInput => {
    const ordered = rest.order !== "any";
    return {
      ...rest,
      ...entry,
      steps: steps.map((step, i) => ({
        name: `s${i + 1}`,
        event: step.event,
        where: step.where,
        ...(ordered && i > 0 && step.maxGapMs !== undefined ? { maxGapMs: step.maxGapMs } : {}),
      })),
      exclusions:
        ordered && steps.length > 1
          ? exclusions.map(({ event, where, span, length }) => {
              const fromStep = 1 + (span % (steps.length - 1));
              const toStep = fromStep + 1 + (length % (steps.length - fromStep));
              return { event, where, fromStep, toStep };
            })
          : [],
    };
  });

/**
 * The query with every condition dropped: steps and exclusions of plain event names, which the
 * DuckDB engine answers from its person timeline instead of grouping in SQL.
 */
function plainNames(query: FunnelQueryInput): FunnelQueryInput {
  const plain = <T extends { where?: PropertyCondition[] }>({ where: _, ...matcher }: T) => matcher;
  return { ...query, steps: query.steps.map(plain), exclusions: query.exclusions?.map(plain) };
}

const asGenerated = (query: FunnelQueryInput) => query;

describe.each([
  ["DuckDB", duckDbFunnel, 300, asGenerated],
  ["DuckDB (person timeline)", duckDbFunnel, 200, plainNames],
  ["ClickHouse", clickHouseFunnel, 100, asGenerated],
] as const)("%s engine against the reference", (_, run, numRuns, queryOf) => {
  // Each run loads its log into a fresh in-memory event store, the way imports load events (~70 ms a run).
  it("agrees exactly on random logs with ties, loops, repeated steps, exclusions, windows and gaps", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 2, maxLength: 24 }),
        queryArb.map(queryOf),
        async (events, query) => {
          const actual = await run(events, query);
          const expected = getFunnel(events, query);
          expect({ people: actual.steps.map((s) => s.people), excluded: actual.excluded }).toEqual({
            people: expected.steps.map((s) => s.people),
            excluded: expected.excluded,
          });
        },
      ),
      { numRuns },
    );
  });
});
