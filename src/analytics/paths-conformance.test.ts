import { describe, expect, it } from "vitest";
import type { PathsQueryInput, PathsResult } from "../domain/analytics/paths-query.js";
import { clickHousePaths } from "./clickhouse/clickhouse-paths.test-support.js";
import { duckDbPaths } from "./duckdb/duckdb-paths.test-support.js";
import type { EventRecord } from "./event.js";
import { getPaths } from "./reference/get-paths.js";

const ENGINES: [string, (events: EventRecord[], query: PathsQueryInput) => Promise<PathsResult>][] = [
  ["reference", async (events, query) => getPaths(events, query)],
  ["duckdb", duckDbPaths],
  ["clickhouse", clickHousePaths],
];

const MIN = 60_000;
const STAGES: PathsQueryInput = {
  stages: ["visit", "signup", "pay"].map((event) => ({ name: event, event })),
};

/** Events of people; each `[person, minute, event, properties?]`. */
function log(...rows: [string, number, string, Record<string, unknown>?][]): EventRecord[] {
  return rows.map(([person, minute, event, properties]) => ({
    person,
    time: minute * MIN,
    event,
    properties: properties ?? {},
    source: "test",
    id: null,
  }));
}

describe.each(ENGINES)("paths on %s", (_, run) => {
  it("collapses repeated stages and counts moves back and forth", async () => {
    const events = log(
      ["u1", 0, "visit"],
      ["u1", 1, "visit"],
      ["u1", 2, "signup"],
      ["u1", 3, "visit"],
      ["u1", 4, "signup"],
      ["u1", 5, "signup"],
      ["u1", 6, "pay"],
      ["u2", 0, "visit"],
      ["u2", 1, "scroll"],
      ["u2", 2, "signup"],
      ["u2", 3, "pay"],
    );
    const result = await run(events, STAGES);
    expect(result.people).toBe(2);
    expect(result.topPaths).toEqual([
      { stages: [1, 2, 1, 2, 3], names: ["visit", "signup", "visit", "signup", "pay"], people: 1 },
      { stages: [1, 2, 3], names: ["visit", "signup", "pay"], people: 1 },
    ]);
    expect(
      result.transitions.map((t) => [t.fromName, t.toName, t.direction, t.people, t.transitions]),
    ).toEqual([
      ["visit", "signup", "forward", 2, 3],
      ["signup", "visit", "backward", 1, 1],
      ["signup", "pay", "forward", 2, 2],
    ]);
    expect(result.backMoves).toEqual({
      people: 1,
      distribution: [
        { backMoves: 0, people: 1 },
        { backMoves: 1, people: 1 },
      ],
    });
    expect(result.stages.map((s) => s.people)).toEqual([2, 2, 2]);
  });

  it("tells what people did next after the stage they stopped at", async () => {
    const events = log(
      ["u1", 0, "visit"],
      ["u1", 1, "pricing"],
      ["u1", 2, "faq"],
      ["u2", 0, "visit"],
      ["u2", 5, "pricing"],
      ["u3", 0, "visit"],
      ["u3", 1, "signup"],
      ["u3", 2, "visit"],
      ["u3", 3, "support"],
      ["u4", 0, "visit"],
      ["u4", 1, "signup"],
      ["u5", 0, "browse"],
    );
    const result = await run(events, STAGES);
    expect(result.people).toBe(4);
    expect(result.dropOffs).toEqual([
      {
        stage: 1,
        name: "visit",
        people: 3,
        noNextEvent: 0,
        nextEvents: [
          { event: "pricing", people: 2 },
          { event: "support", people: 1 },
        ],
      },
      { stage: 2, name: "signup", people: 1, noNextEvent: 1, nextEvents: [] },
    ]);
    expect(result.backMoves.people).toBe(1);
  });

  it("orders equal timestamps by stage, then the next event by name", async () => {
    const events = log(["u1", 0, "zoom"], ["u1", 0, "signup"], ["u1", 0, "visit"], ["u1", 0, "chat"]);
    const result = await run(events, STAGES);
    expect(result.topPaths[0]?.stages).toEqual([1, 2]);
    expect(result.dropOffs[1]?.nextEvents).toEqual([{ event: "chat", people: 1 }]);
  });

  it("maps an event to the first stage it matches and honours property conditions", async () => {
    const events = log(
      ["u1", 0, "page", { url: "/" }],
      ["u1", 1, "page", { url: "/pricing" }],
      ["u1", 2, "page"],
    );
    const query: PathsQueryInput = {
      stages: [
        { name: "home", event: "page", where: [{ property: "url", op: "equals", value: "/" }] },
        { name: "pricing", event: "page", where: [{ property: "url", op: "contains", value: "pricing" }] },
        { name: "any page", event: "page" },
      ],
      top: 1,
    };
    const result = await run(events, query);
    expect(result.topPaths).toEqual([
      { stages: [1, 2, 3], names: ["home", "pricing", "any page"], people: 1 },
    ]);
  });

  it("lets a stage match any of its alternatives, still giving each event its first stage", async () => {
    const events = log(
      ["u1", 0, "visit"],
      ["u1", 1, "call", { kind: "inbound" }],
      ["u1", 2, "pay"],
      ["u2", 0, "page", { url: "/" }],
      ["u2", 1, "form"],
      ["u2", 2, "page", { url: "/pay" }],
      ["u3", 0, "visit"],
      ["u3", 1, "call", { kind: "outbound" }],
    );
    const query: PathsQueryInput = {
      stages: [
        {
          name: "arrive",
          event: "visit",
          or: [{ event: "page", where: [{ property: "url", op: "equals", value: "/" }] }],
        },
        {
          name: "lead",
          event: "form",
          or: [{ event: "call", where: [{ property: "kind", op: "equals", value: "inbound" }] }],
        },
        // A "/" page matches this stage too, but belongs to "arrive", the first it matches.
        { name: "pay", event: "pay", or: [{ event: "page" }] },
      ],
    };
    const result = await run(events, query);
    expect(result.people).toBe(3);
    expect(result.stages.map((s) => s.people)).toEqual([3, 2, 2]);
    expect(result.topPaths.map((p) => [p.stages, p.people])).toEqual([
      [[1, 2, 3], 2],
      [[1], 1],
    ]);
    expect(result.dropOffs[0]?.nextEvents).toEqual([{ event: "call", people: 1 }]);
  });

  it("counts only people in the segment, judged on any of their events at any time", async () => {
    const events = log(
      ["u1", 0, "visit"],
      ["u1", 1, "signup"],
      // Outside every stage and in a later session, it still puts u1 in the segment.
      ["u1", 500, "profile", { plan: "pro" }],
      ["u2", 0, "visit", { plan: "free" }],
      ["u2", 1, "pay"],
      ["u3", 0, "visit", { plan: "pro" }],
      ["u3", 60, "signup"],
    );
    const segment = [{ property: "plan", op: "equals" as const, value: "pro" }];
    const result = await run(events, { ...STAGES, segment });
    expect(result.people).toBe(2);
    expect(result.topPaths.map((p) => [p.stages, p.people])).toEqual([[[1, 2], 2]]);
    expect(result.dropOffs[1]).toMatchObject({ people: 2, noNextEvent: 1 });
    const sessions = await run(events, { ...STAGES, segment, unit: "session" });
    expect(sessions.topPaths.map((p) => [p.stages, p.people])).toEqual([
      [[1], 1],
      [[1, 2], 1],
      [[2], 1],
    ]);
    expect((await run(events, STAGES)).people).toBe(3);
  });

  it("keeps only the top N paths, most people first", async () => {
    const events = log(["a", 0, "visit"], ["b", 0, "visit"], ["c", 0, "signup"], ["d", 0, "pay"]);
    const result = await run(events, { ...STAGES, top: 2 });
    expect(result.topPaths.map((p) => [p.stages, p.people])).toEqual([
      [[1], 2],
      [[2], 1],
    ]);
  });
  it("counts sessions as units with unit: session, cut after more than 30 minutes of any inactivity", async () => {
    const events = log(
      ["u1", 0, "visit"],
      ["u1", 10, "signup"],
      ["u1", 45, "chat"],
      ["u1", 50, "visit"],
      ["u1", 51, "pricing"],
      // `scroll` keeps the session open: no gap is longer than 30 minutes.
      ["u2", 0, "visit"],
      ["u2", 20, "scroll"],
      ["u2", 45, "signup"],
      // Exactly 30 minutes does not cut.
      ["u3", 100, "visit"],
      ["u3", 130, "signup"],
    );
    const sessions = await run(events, { ...STAGES, unit: "session" });
    expect(sessions.people).toBe(4);
    expect(sessions.topPaths.map((p) => [p.stages, p.people])).toEqual([
      [[1, 2], 3],
      [[1], 1],
    ]);
    // The next event is looked for inside the session: u1's first session ends at signup.
    expect(sessions.dropOffs.map((d) => [d.people, d.noNextEvent, d.nextEvents])).toEqual([
      [1, 0, [{ event: "pricing", people: 1 }]],
      [3, 3, []],
    ]);
    const people = await run(events, STAGES);
    expect(people.people).toBe(3);
    expect(people.topPaths.map((p) => [p.stages, p.people])).toEqual([
      [[1, 2], 2],
      [[1, 2, 1], 1],
    ]);
  });

  it("lays the paths out as an acyclic graph by position, back moves pointing one layer on", async () => {
    const events = log(
      ["u1", 0, "visit"],
      ["u1", 1, "signup"],
      ["u1", 2, "visit"],
      ["u1", 3, "signup"],
      ["u1", 4, "pay"],
      ["u2", 0, "visit"],
      ["u2", 1, "signup"],
      ["u2", 2, "pay"],
      ["u3", 0, "signup"],
    );
    const { graph } = await run(events, { ...STAGES, maxDepth: 4 });
    expect(graph.nodes.map((n) => [n.id, n.depth, n.stage, n.name, n.people])).toEqual([
      ["0:1", 0, 1, "visit", 2],
      ["0:2", 0, 2, "signup", 1],
      ["1:2", 1, 2, "signup", 2],
      ["2:1", 2, 1, "visit", 1],
      ["2:3", 2, 3, "pay", 1],
      ["3:2", 3, 2, "signup", 1],
    ]);
    expect(graph.links).toEqual([
      { source: "0:1", target: "1:2", people: 2, direction: "forward" },
      { source: "1:2", target: "2:1", people: 1, direction: "backward" },
      { source: "1:2", target: "2:3", people: 1, direction: "forward" },
      { source: "2:1", target: "3:2", people: 1, direction: "forward" },
    ]);
  });
});
