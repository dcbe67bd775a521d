import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { type FunnelQuery, funnelQuerySchema } from "../../domain/analytics/funnel-query.js";
import { PersonTimeline } from "./person-timeline.js";
import { tallyPeople, tallyTimeline } from "./timeline-funnel.js";
import { acrossCores, timelineJob } from "./timeline-workers.js";

/** 400 people, each visiting; every second one signs up a minute later. */
function smallTimeline(): PersonTimeline {
  const people = 400;
  const starts = new Uint32Array(people + 1);
  const times: number[] = [];
  const ids: number[] = [];
  for (let person = 0; person < people; person++) {
    starts[person] = times.length;
    times.push(person * 1000);
    ids.push(1);
    if (person % 2 === 0) {
      times.push(person * 1000 + 60_000);
      ids.push(0);
    }
  }
  starts[people] = times.length;
  return new PersonTimeline(["signup", "visit"], starts, new Float64Array(times), new Uint32Array(ids));
}

const query: FunnelQuery = funnelQuerySchema.parse({
  steps: [
    { name: "visit", event: "visit" },
    { name: "signup", event: "signup" },
  ],
});

describe.skipIf(availableParallelism() < 2)("timeline workers", () => {
  it("split the people with this thread and add up to the whole tally", async () => {
    const timeline = smallTimeline();
    const split = await tallyTimeline(timeline, query);
    expect(split.tally()).toEqual(tallyPeople(timeline, query, 0, timeline.people).tally());
    expect(
      split
        .tally()
        .groups.map((g) => [g.level, g.units])
        .sort(),
    ).toEqual([
      [1, 200],
      [2, 200],
    ]);
  });

  it("reject a query whose worker part fails, naming the worker, and answer the next one", async () => {
    const timeline = smallTimeline();
    const broken = { ...query, steps: undefined } as unknown as FunnelQuery;
    await expect(
      acrossCores(
        timeline,
        (from, to) => ({ kind: "funnel", query: broken, ...timelineJob(timeline, from, to) }),
        () => null,
      ),
    ).rejects.toThrow(/^funnel worker: /);
    const again = await tallyTimeline(timeline, query);
    expect(again.tally()).toEqual(tallyPeople(timeline, query, 0, timeline.people).tally());
  });
});
