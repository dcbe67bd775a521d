import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PropertyCondition } from "../domain/analytics/event-matcher.js";
import type { PathsQueryInput } from "../domain/analytics/paths-query.js";
import { duckDbPaths } from "./duckdb/duckdb-paths.test-support.js";
import type { EventRecord } from "./event.js";
import { getPaths } from "./reference/get-paths.js";

/**
 * Differential test: random event logs and stage lists, the DuckDB engine against the reference.
 * Few times and names, so equal timestamps, loops and repeated stages are common.
 */

const NAMES = ["a", "b", "c", "d", "x", "y"];

const eventArb = fc.record({
  person: fc.constantFrom("p1", "p2", "p3", "p4"),
  time: fc.integer({ min: 0, max: 8 }).map((slot) => slot * 60_000),
  event: fc.constantFrom(...NAMES),
  properties: fc.record({ n: fc.integer({ min: 0, max: 3 }) }),
  source: fc.constant("gen"),
  id: fc.constant(null),
}) satisfies fc.Arbitrary<EventRecord>;

const whereArb: fc.Arbitrary<PropertyCondition[]> = fc.oneof(
  fc.constant<PropertyCondition[]>([]),
  fc.constant<PropertyCondition[]>([]),
  fc.integer({ min: 0, max: 3 }).map((value) => [{ property: "n", op: "gte" as const, value }]),
);

const queryArb: fc.Arbitrary<PathsQueryInput> = fc.record({
  stages: fc
    .array(fc.record({ event: fc.constantFrom("a", "b", "c", "d"), where: whereArb }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((stages) => stages.map((stage, i) => ({ ...stage, name: `s${i + 1}` }))),
  top: fc.integer({ min: 1, max: 5 }),
});

describe("DuckDB paths against the reference", () => {
  it("agree exactly on random logs with ties, loops and repeated stages", { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 30 }),
        queryArb,
        async (events, query) => {
          expect(await duckDbPaths(events, query)).toEqual(getPaths(events, query));
        },
      ),
      { numRuns: 100 },
    );
  });
});
