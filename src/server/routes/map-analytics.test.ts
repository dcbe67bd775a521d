import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTropa } from "../../cli/run-tropa.test-support.js";
import type { JourneyMap, MetricsLane } from "../../domain/journey-map.js";
import { testBackends } from "../../store/test-databases.js";
import {
  funnelEventsCsv,
  type Json,
  startTestServer,
  type TestServer,
  waitForImport,
} from "./test-server.test-support.js";

const CSV = funnelEventsCsv();
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

describe.each(testBackends())("map funnel, paths and compare over HTTP on $name", (backend) => {
  let server: TestServer;
  let map: JourneyMap;
  let revision: number;

  const saveMap = async (next: JourneyMap) => {
    const saved = await server.call("PUT", `/api/maps/${next.id}`, { map: next, baseRevision: revision });
    expect(saved.status).toBe(200);
    revision = saved.json.revision;
    map = next;
  };

  const createMap = async () => {
    const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/maps`, {
      templateId: "model-online-product",
      lang: "en",
    });
    return created.json as { map: JourneyMap; revision: number };
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    const started = await server.call(
      "POST",
      `/api/workspaces/${server.workspaceId}/imports?filename=shop.csv`,
      CSV,
    );
    expect((await waitForImport(server, started.json.id)).state).toBe("done");
    ({ map, revision } = await createMap());
  });

  afterAll(async () => {
    await server?.close();
  });

  it("refuses a funnel while no stage is bound, naming the stages", async () => {
    const answer = await server.call("POST", `/api/maps/${map.id}/funnel`, {});
    expect(answer.status).toBe(400);
    expect(answer.json.error.field).toBe("stages");
  });

  it("counts the bound stages as steps, with the map's settings and targets, as the CLI does", async () => {
    const [visit, signup, , pay] = map.stages;
    if (!visit || !signup || !pay) throw new Error("the template has too few stages");
    const lanes = map.lanes.map((lane) => {
      if (lane.type !== "metrics") return lane;
      const rows = lane.rows.map((row) =>
        row.kind === "people" ? { ...row, targets: { [signup.id]: 80 } } : row,
      );
      return { ...lane, rows } satisfies MetricsLane;
    });
    await saveMap({
      ...map,
      lanes,
      funnelSettings: { windowMs: WEEK_MS, order: "sequential", unit: "person" },
      stages: map.stages.map((stage) => {
        if (stage.id === visit.id) return { ...stage, matchers: [{ event: "visit", where: [] }] };
        if (stage.id === signup.id) return { ...stage, matchers: [{ event: "signup", where: [] }] };
        if (stage.id === pay.id) return { ...stage, matchers: [{ event: "pay", where: [] }] };
        return stage;
      }),
    });

    const answer = await server.call("POST", `/api/maps/${map.id}/funnel`, {});
    expect(answer.status).toBe(200);
    expect(answer.json.stageIds).toEqual([visit.id, signup.id, pay.id]);
    expect(answer.json.result.steps.map((s: Json) => s.people)).toEqual([120, 60, 30]);
    expect(answer.json.result.steps.map((s: Json) => s.name)).toEqual([visit.name, signup.name, pay.name]);
    expect(answer.json.result.steps[1].target).toBe(80);
    expect(answer.json.result.windowMs).toBe(WEEK_MS);
    expect(answer.json.sources).toEqual(["shop.csv"]);
    expect(answer.json.range).toEqual({ from: null, to: null });

    const cli = await cliFunnel(["--steps", "visit,signup,pay", "--window", "7d"]);
    expect(answer.json.result.steps.map((s: Json) => s.people)).toEqual(cli.steps.map((s: Json) => s.people));
  });

  it("counts a stage reached by any of its events", async () => {
    const [, signup] = map.stages;
    const stages = map.stages.map((stage) =>
      stage.id === signup?.id
        ? {
            ...stage,
            matchers: [
              { event: "signup", where: [] },
              { event: "pay", where: [] },
            ],
          }
        : stage,
    );
    await saveMap({ ...map, stages });
    const answer = await server.call("POST", `/api/maps/${map.id}/funnel`, {});
    // 60 signed up; 12 more (odd multiples of 5) paid without signing up.
    expect(answer.json.result.steps.map((s: Json) => s.people)).toEqual([120, 72, 30]);
    expect(answer.json.query.steps[1]).toMatchObject({ event: "signup", or: [{ event: "pay" }] });
  });

  it("counts only a persona's segment, and the entry range asked for", async () => {
    const persona = await server.call("POST", `/api/workspaces/${server.workspaceId}/personas`, {
      schemaVersion: 1,
      name: "Ad clicker",
      segmentRule: [{ property: "channel", op: "equals", value: "ads" }],
    });
    expect(persona.status).toBe(201);
    const segment = await server.call("POST", `/api/maps/${map.id}/funnel`, { personaId: persona.json.id });
    expect(segment.json.result.steps[0].people).toBe(40);

    const from = Date.UTC(2024, 5, 1);
    const to = Date.UTC(2024, 5, 11);
    const ranged = await server.call("POST", `/api/maps/${map.id}/funnel`, { from, to, interval: "week" });
    expect(ranged.json.result.steps[0].people).toBe(40);
    expect(ranged.json.range).toEqual({ from, to });
    expect(ranged.json.result.overTime.interval).toBe("week");

    const unknown = await server.call("POST", `/api/maps/${map.id}/funnel`, { personaId: "nope" });
    expect(unknown.status).toBe(404);
  });

  it("shows the paths between the bound stages", async () => {
    const answer = await server.call("POST", `/api/maps/${map.id}/paths`, { top: 3 });
    expect(answer.status).toBe(200);
    expect(answer.json.stageIds).toHaveLength(3);
    expect(answer.json.result.people).toBe(120);
    expect(answer.json.result.topPaths.length).toBeLessThanOrEqual(3);
  });

  it("compares two entry periods", async () => {
    const periodA = { from: Date.UTC(2024, 5, 1), to: Date.UTC(2024, 5, 16) };
    const periodB = { from: Date.UTC(2024, 5, 16), to: Date.UTC(2024, 6, 1) };
    const answer = await server.call("POST", `/api/maps/${map.id}/compare`, { periodA, periodB });
    expect(answer.status).toBe(200);
    expect(answer.json.result.transitions).toHaveLength(2);
    const first = answer.json.result.transitions[0];
    expect(first.a.reached + first.b.reached).toBe(120);
    const backwards = await server.call("POST", `/api/maps/${map.id}/compare`, {
      periodA: { from: periodA.to, to: periodA.from },
      periodB,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.field).toBe("periodA.to");
  });

  it("counts paths and comparisons for a persona, a stage reached by any of its events", async () => {
    const [visit, signup] = map.stages;
    if (!visit || !signup) throw new Error("the template has too few stages");
    await saveMap({
      ...map,
      stages: map.stages.map((stage) => {
        if (stage.id === visit.id) return { ...stage, matchers: [{ event: "visit", where: [] }] };
        if (stage.id === signup.id) {
          const matchers = [
            { event: "signup", where: [] },
            { event: "pay", where: [] },
          ];
          return { ...stage, matchers };
        }
        return { ...stage, matchers: [] };
      }),
    });
    const persona = await server.call("POST", `/api/workspaces/${server.workspaceId}/personas`, {
      schemaVersion: 1,
      name: "Ads only",
      segmentRule: [{ property: "channel", op: "equals", value: "ads" }],
    });
    expect(persona.status).toBe(201);

    const everyone = await server.call("POST", `/api/maps/${map.id}/paths`, {});
    expect(everyone.json.stageIds).toEqual([visit.id, signup.id]);
    // 60 signed up; 12 more (odd multiples of 5 not of 4) paid without signing up.
    expect(everyone.json.result.stages.map((s: Json) => s.people)).toEqual([120, 72]);
    // Every third person came from ads: 20 of them signed up, 4 (odd multiples of 15) only paid.
    const ads = await server.call("POST", `/api/maps/${map.id}/paths`, { personaId: persona.json.id });
    expect(ads.json.result.people).toBe(40);
    expect(ads.json.result.stages.map((s: Json) => s.people)).toEqual([40, 24]);
    expect(ads.json.result.topPaths.map((p: Json) => [p.stages, p.people])).toEqual([
      [[1, 2], 24],
      [[1], 16],
    ]);

    const compared = await server.call("POST", `/api/maps/${map.id}/compare`, {
      personaId: persona.json.id,
      periodA: { from: Date.UTC(2024, 5, 1), to: Date.UTC(2024, 5, 16) },
      periodB: { from: Date.UTC(2024, 5, 16), to: Date.UTC(2024, 6, 1) },
    });
    const [transition] = compared.json.result.transitions;
    expect(transition.a.reached + transition.b.reached).toBe(40);
    expect(transition.a.converted + transition.b.converted).toBe(24);
  });
});

/** `tropa funnel --events` on the same file, as a user would run it. */
async function cliFunnel(args: string[]): Promise<Json> {
  const dir = await mkdtemp(path.join(tmpdir(), "tropa-cli-funnel-"));
  try {
    await writeFile(path.join(dir, "shop.csv"), CSV);
    const run = await runTropa(dir, ["funnel", "--events", "shop.csv", ...args, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Json;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
