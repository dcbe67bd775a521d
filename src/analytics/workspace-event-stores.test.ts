import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyMap } from "../domain/journey-map.js";
import { createApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { funnelEventsCsv, type Json, setUpOwner } from "../server/routes/test-server.test-support.js";
import { openStore } from "../store/open-store.js";
import { EMBEDDED_CLICKHOUSE, WorkspaceEventStores } from "./workspace-event-stores.js";

/**
 * The server's event stores on both engines: the same HTTP calls (import, summary, properties,
 * funnel with a breakdown and periods) against DuckDB files and against ClickHouse (`chdb:`, in
 * this process) must give the same answers.
 */

type Server = {
  dataDir: string;
  workspaceId: string;
  call(method: string, url: string, body?: unknown): Promise<{ status: number; json: Json }>;
  close(): Promise<void>;
};

async function startServer(clickhouseUrl: string | undefined): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tropa-event-stores-"));
  const store = await openStore({ dataDir, databaseUrl: undefined });
  const workspaceId = (await store.createWorkspace("Tests")).id;
  const eventStores = new WorkspaceEventStores(dataDir, { clickhouseUrl });
  const app = createApp({ store, config: loadConfig({ DATA_DIR: dataDir }), eventStores });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The first visitor becomes the owner of the workspace made above; every call is theirs.
  const owner = await setUpOwner(base);
  return {
    dataDir,
    workspaceId,
    call: owner.call,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await eventStores.close();
      await store.close();
    },
  };
}

/** Imports the shop events, binds visit → signup → pay and asks what the data panel and the funnel ask. */
async function answersOf(server: Server): Promise<Json> {
  const imports = `/api/workspaces/${server.workspaceId}/imports`;
  const started = await server.call("POST", `${imports}?filename=shop.csv`, funnelEventsCsv());
  for (let job = started.json; job.state === "running"; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = (await server.call("GET", `${imports}/${started.json.id}`)).json;
    expect(job.state).not.toBe("failed");
  }
  const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/maps`, {
    templateId: "model-online-product",
    lang: "en",
  });
  const map = created.json.map as JourneyMap;
  const events = ["visit", "signup", undefined, "pay"];
  const stages = map.stages.map((stage, i) => {
    const event = events[i];
    return event ? { ...stage, matchers: [{ event, where: [] }] } : stage;
  });
  const saved = await server.call("PUT", `/api/maps/${map.id}`, {
    map: { ...map, stages },
    baseRevision: created.json.revision,
  });
  expect(saved.status).toBe(200);
  const funnel = await server.call("POST", `/api/maps/${map.id}/funnel`, {
    breakdown: { property: "channel", attribution: "first" },
    interval: "week",
  });
  return {
    summary: (await server.call("GET", `/api/workspaces/${server.workspaceId}/events/summary`)).json,
    properties: (
      await server.call("GET", `/api/workspaces/${server.workspaceId}/events/properties?event=visit`)
    ).json,
    funnel: { status: funnel.status, result: funnel.json.result, sources: funnel.json.sources },
  };
}

describe("workspace event stores over HTTP, DuckDB and ClickHouse (chdb)", () => {
  const answers: Record<string, Json> = {};
  let clickhouse: Server | undefined;

  beforeAll(async () => {
    const duckdb = await startServer(undefined);
    try {
      answers.duckdb = await answersOf(duckdb);
    } finally {
      await duckdb.close();
      rmSync(duckdb.dataDir, { recursive: true, force: true });
    }
    clickhouse = await startServer(EMBEDDED_CLICKHOUSE);
    answers.clickhouse = await answersOf(clickhouse);
  }, 60_000);

  afterAll(async () => {
    await clickhouse?.close();
    if (clickhouse) rmSync(clickhouse.dataDir, { recursive: true, force: true });
  });

  it("summarizes the events and their properties as DuckDB does", () => {
    expect(answers.clickhouse?.summary).toMatchObject({ events: 228, people: 120 });
    expect(answers.clickhouse?.summary.sources.map((s: Json) => s.source)).toEqual(["shop.csv"]);
    expect(answers.clickhouse?.properties.properties.map((p: Json) => p.name)).toEqual(["channel", "url"]);
    expect(answers.clickhouse?.summary).toEqual(answers.duckdb?.summary);
    expect(answers.clickhouse?.properties).toEqual(answers.duckdb?.properties);
  });

  it("counts the map's funnel, broken down by channel and by week, as DuckDB does", () => {
    const funnel = answers.clickhouse?.funnel;
    expect(funnel.status).toBe(200);
    expect(funnel.result.steps.map((s: Json) => s.people)).toEqual([120, 60, 30]);
    expect(funnel.result.breakdown.groups.map((g: Json) => [g.value, g.steps[0].people])).toEqual([
      ["organic", 80],
      ["ads", 40],
    ]);
    expect(funnel.result.timeToConvert[0].medianMs).toBe(2 * 60 * 60 * 1000);
    expect(funnel).toEqual(answers.duckdb?.funnel);
  });

  it("keeps the events in DATA_DIR/clickhouse, one database per workspace", async () => {
    if (!clickhouse) throw new Error("the ClickHouse server did not start");
    const { dataDir, workspaceId } = clickhouse;
    await clickhouse.close();
    clickhouse = undefined;
    const reopened = new WorkspaceEventStores(dataDir, { clickhouseUrl: EMBEDDED_CLICKHOUSE });
    try {
      expect(await reopened.use(workspaceId, (store) => store.countEvents())).toBe(228);
      expect(await reopened.use("another", (store) => store.countEvents())).toBe(0);
    } finally {
      await reopened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("CLICKHOUSE_URL", () => {
  it("accepts a server URL or chdb:, and names the setting when it is neither", () => {
    expect(loadConfig({ CLICKHOUSE_URL: "http://default:secret@clickhouse:8123" }).clickhouseUrl).toBe(
      "http://default:secret@clickhouse:8123",
    );
    expect(loadConfig({ CLICKHOUSE_URL: "chdb:" }).clickhouseUrl).toBe("chdb:");
    expect(loadConfig({}).clickhouseUrl).toBeUndefined();
    expect(() => loadConfig({ CLICKHOUSE_URL: "clickhouse:8123" })).toThrow(/CLICKHOUSE_URL/);
  });
});
