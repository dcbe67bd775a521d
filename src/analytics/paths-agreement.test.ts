import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventMatcher, PropertyCondition } from "../domain/analytics/event-matcher.js";
import { PATH_UNITS, type PathsQueryInput } from "../domain/analytics/paths-query.js";
import { clickHousePaths } from "./clickhouse/clickhouse-paths.test-support.js";
import { duckDbPaths } from "./duckdb/duckdb-paths.test-support.js";
import type { EventRecord } from "./event.js";
import { getPaths } from "./reference/get-paths.js";
import { IDENTIFY_EVENT, resolveIdentities } from "./resolve-identities.js";

/**
 * Differential test: random event logs and stage lists, the DuckDB and ClickHouse engines against
 * the reference. Few times and names, so equal timestamps, loops and repeated stages are common;
 * times 15 minutes apart, so sessions are cut (45 minutes) or not (exactly 30); `$identify` events
 * merge people, resolved for the reference by `resolveIdentities`. Stages have alternatives (`or`,
 * overlapping other stages) and the query a segment, judged after the merge.
 */

const NAMES = ["a", "b", "c", "d", "x", "y"];
const IDS = ["p1", "p2", "p3", "p4", "anon1", "anon2"];
const QUARTER_HOUR = 15 * 60_000;

const eventArb = fc.record({
  person: fc.constantFrom(...IDS),
  time: fc.integer({ min: 0, max: 8 }).map((slot) => slot * QUARTER_HOUR),
  event: fc.constantFrom(...NAMES),
  properties: fc.oneof(
    fc.record({ n: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ n: fc.integer({ min: 0, max: 3 }), plan: fc.constantFrom("free", "pro") }),
  ),
  source: fc.constant("gen"),
  id: fc.constant(null),
}) satisfies fc.Arbitrary<EventRecord>;

const identifyArb = fc.record({
  person: fc.constantFrom(...IDS),
  time: fc.constant(0),
  event: fc.constant(IDENTIFY_EVENT),
  properties: fc.record({ alias: fc.constantFrom(...IDS) }),
  source: fc.constant("crm"),
  id: fc.constant(null),
}) satisfies fc.Arbitrary<EventRecord>;

const whereArb: fc.Arbitrary<PropertyCondition[]> = fc.oneof(
  fc.constant<PropertyCondition[]>([]),
  fc.constant<PropertyCondition[]>([]),
  fc.integer({ min: 0, max: 3 }).map((value) => [{ property: "n", op: "gte" as const, value }]),
);

const matcherArb: fc.Arbitrary<EventMatcher> = fc.record({
  event: fc.constantFrom(...NAMES),
  where: whereArb,
});

const segmentArb: fc.Arbitrary<PropertyCondition[]> = fc.oneof(
  fc.constant<PropertyCondition[]>([]),
  fc.constant<PropertyCondition[]>([{ property: "plan", op: "equals", value: "pro" }]),
  whereArb,
);

const queryArb: fc.Arbitrary<PathsQueryInput> = fc.record({
  stages: fc
    .array(
      fc.record({
        event: fc.constantFrom("a", "b", "c", "d"),
        where: whereArb,
        or: fc.array(matcherArb, { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((stages) => stages.map((stage, i) => ({ ...stage, name: `s${i + 1}` }))),
  segment: segmentArb,
  top: fc.integer({ min: 1, max: 5 }),
  unit: fc.constantFrom(...PATH_UNITS),
  maxDepth: fc.integer({ min: 2, max: 5 }),
});

/**
 * The query with every condition and the segment dropped: stages of plain event names, which the
 * DuckDB engine answers from its person timeline instead of grouping in SQL.
 */
function plainNames(query: PathsQueryInput): PathsQueryInput {
  const plain = ({ where: _, ...matcher }: { event: string; where?: PropertyCondition[] }) => matcher;
  return {
    ...query,
    segment: [],
    stages: query.stages.map(({ where: _, or, ...stage }) => ({ ...stage, or: or?.map(plain) })),
  };
}

const asGenerated = (query: PathsQueryInput) => query;

describe.each([
  ["DuckDB", duckDbPaths, asGenerated],
  ["DuckDB (person timeline)", duckDbPaths, plainNames],
  ["ClickHouse", clickHousePaths, asGenerated],
])("%s paths against the reference", (_, run, queryOf) => {
  it("agree exactly on random logs with ties, loops, sessions, linked ids, alternatives and segments", {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 30 }),
        fc.array(identifyArb, { maxLength: 3 }),
        queryArb.map(queryOf),
        async (events, identifies, query) => {
          const all = [...events, ...identifies];
          expect(await run(all, query)).toEqual(getPaths(resolveIdentities(all), query));
        },
      ),
      { numRuns: 150 },
    );
  });
});
