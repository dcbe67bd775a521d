import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FunnelQueryInput } from "../domain/analytics/funnel-query.js";
import { duckDbFunnel } from "./duckdb/duckdb-funnel.test-support.js";
import type { EventRecord } from "./event.js";
import { getFunnel } from "./reference/get-funnel.js";

/**
 * The other agreement suites keep units short; this one gives two people 40 to 300 events each, in
 * shuffled input order with many equal timestamps, so the engine's per-person buffers grow and its
 * sort of long, out-of-order event lists runs. Whole result against the reference.
 */

const MIN = 60_000;
const NAMES = ["a", "b", "c", "x"];

/**
 * The tag follows the time slot: events with equal time and order key are interchangeable for every
 * count, but which of them a chain uses as a step follows the final tie-break, which is input order
 * in the reference and storage order in the engines; equal tags keep breakdowns out of that.
 */
const eventArb = fc
  .record({
    person: fc.constantFrom("p1", "p2"),
    slot: fc.integer({ min: 0, max: 60 }),
    event: fc.constantFrom(...NAMES),
  })
  .map(
    ({ person, slot, event }): EventRecord => ({
      person,
      time: slot * 10 * MIN,
      event,
      properties: { tag: ["u", "v", "w"][slot % 3] },
      source: "gen",
      id: null,
    }),
  );

const queryArb = fc
  .record({
    steps: fc.array(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 4 }),
    windowMs: fc.constantFrom(30, 120, 600).map((m) => m * MIN),
    order: fc.constantFrom("sequential", "strict", "any" as const),
    unit: fc.constantFrom("person", "session" as const),
    exclude: fc.boolean(),
    maxGap: fc.option(fc.constantFrom(0, 30 * MIN), { nil: undefined }),
    // Without a breakdown the engine reads its person timeline, with one it groups in SQL.
    attribution: fc.constantFrom("first", "last", null),
  })
  .map(({ steps, exclude, maxGap, attribution, ...rest }): FunnelQueryInput => {
    const ordered = rest.order !== "any";
    return {
      ...rest,
      steps: steps.map((event, i) => ({
        name: `s${i + 1}`,
        event,
        ...(ordered && i > 0 && maxGap !== undefined ? { maxGapMs: maxGap } : {}),
      })),
      exclusions: ordered && exclude ? [{ event: "x" }] : [],
      ...(ordered && attribution ? { breakdown: { property: "tag", attribution } } : {}),
      interval: "day",
    };
  });

describe("DuckDB engine against the reference on long units", () => {
  it("agrees exactly when people have hundreds of events in any input order", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 80, maxLength: 600 }),
        queryArb,
        async (events, query) => {
          expect(await duckDbFunnel(events, query)).toEqual(getFunnel(events, query));
        },
      ),
      { numRuns: 60 },
    );
  });
});
