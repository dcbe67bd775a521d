import { describe, expect, it } from "vitest";
import type { FunnelQueryInput } from "../../domain/analytics/funnel-query.js";
import type { EventRecord } from "../event.js";
import { getFunnel } from "../reference/get-funnel.js";
import { clickHouseFunnel } from "./clickhouse-funnel.test-support.js";

function ev(person: string, time: number, event: string, channel: unknown): EventRecord {
  return { person, time, event, properties: { channel }, source: "test", id: null };
}

describe("ClickHouse funnel tally", () => {
  it("writes breakdown values of every JSON type as the reference does, though ClickHouse re-serializes JSON", async () => {
    // ClickHouse writes 1e+21 inside an object as 1e21 and escapes "/" and U+2028; the text must not change.
    const values: unknown[] = [
      { a: 1e21, s: "a/b\u2028", list: [1.5, true, null] },
      [1e-7, "x"],
      1e21,
      -0.5,
      7,
      "7",
      true,
      "plain",
      null,
    ];
    const events = values.flatMap((channel, i) => [
      ev(`p${i}`, 0, "visit", channel),
      ev(`p${i}`, 1000 * (i + 1), "signup", channel),
    ]);
    const query: FunnelQueryInput = {
      steps: [
        { name: "visit", event: "visit" },
        { name: "signup", event: "signup" },
      ],
      breakdown: { property: "channel", attribution: "last", limit: 20 },
    };
    const result = await clickHouseFunnel(events, query);
    expect(result.breakdown?.groups.map((g) => g.value)).toContain(
      '{"a":1e+21,"s":"a/b\u2028","list":[1.5,true,null]}',
    );
    expect(result).toEqual(getFunnel(events, query));
  });
});
