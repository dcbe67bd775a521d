import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../store/test-databases.js";
import {
  funnelEventsCsv,
  startTestServer,
  type TestServer,
  waitForImport,
} from "./test-server.test-support.js";

const CSV = funnelEventsCsv();
const EVENT_COUNT = CSV.trim().split("\n").length - 1;

describe.each(testBackends())("event imports over HTTP on $name", (backend) => {
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    // A small JSON limit: event uploads must still pass, being streamed to disk under their own limit.
    server = await startTestServer(backend, { MAX_BODY_BYTES: "4096" });
    base = `/api/workspaces/${server.workspaceId}`;
  });

  afterAll(async () => {
    await server?.close();
  });

  it("previews the first rows, the columns found and the events they give", async () => {
    const preview = await server.call(
      "POST",
      `${base}/imports/preview?filename=shop.csv`,
      CSV.slice(0, 3000),
    );
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({
      format: "csv",
      columns: ["person", "time", "event", "channel", "url"],
      mapping: { person: "person", time: "time", event: "event" },
    });
    expect(preview.json.rows).toHaveLength(20);
    expect(preview.json.rows[0]).toEqual([
      "p0",
      "2024-06-01T00:00:00.000Z",
      "visit",
      "ads",
      "https://shop.example/visit",
    ]);
    expect(preview.json.events).toHaveLength(20);
    expect(preview.json.events[0]).toMatchObject({
      person: "p0",
      time: Date.UTC(2024, 5, 1),
      event: "visit",
      properties: { channel: "ads", url: "https://shop.example/visit" },
    });
    expect(preview.json.problems).toEqual([]);
  });

  it("asks for the columns it cannot find, then reads them as mapped, listing bad rows", async () => {
    const file = "кто;когда;что\na;01.06.2024;visit\nb;later;pay\n";
    const unmapped = await server.call("POST", `${base}/imports/preview?filename=crm.csv`, file);
    expect(unmapped.json).toMatchObject({ columns: ["кто", "когда", "что"], mapping: null, events: [] });
    expect(unmapped.json.problems[0].reason).toMatch(/no person, time, event column/);

    const map = encodeURIComponent("person=кто,time=когда,event=что");
    const mapped = await server.call("POST", `${base}/imports/preview?filename=crm.csv&map=${map}`, file);
    expect(mapped.json.mapping).toEqual({ person: "кто", time: "когда", event: "что" });
    expect(mapped.json.events).toMatchObject([{ person: "a", event: "visit", time: Date.UTC(2024, 5, 1) }]);
    expect(mapped.json.problems).toEqual([
      { location: "crm.csv:3:3", reason: expect.stringMatching(/^time "later" is not a date or time/) },
    ]);
  });

  it("caps the preview body like any JSON request", async () => {
    const preview = await server.call("POST", `${base}/imports/preview?filename=shop.csv`, CSV);
    expect(preview.status).toBe(413);
  });

  it("imports a file in the background, then summarises the workspace's events", async () => {
    const started = await server.call("POST", `${base}/imports?filename=shop.csv`, CSV);
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ filename: "shop.csv", totalBytes: Buffer.byteLength(CSV) });
    const job = await waitForImport(server, started.json.id);
    expect(job).toMatchObject({
      state: "done",
      inserted: EVENT_COUNT,
      duplicates: 0,
      rejected: 0,
      errors: [],
      events: EVENT_COUNT,
      bytesRead: Buffer.byteLength(CSV),
    });
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));
    expect(existsSync(path.join(server.dataDir, "events", server.workspaceId, "events.duckdb"))).toBe(true);

    const summary = (await server.call("GET", `${base}/events/summary`)).json;
    expect(summary).toMatchObject({
      events: EVENT_COUNT,
      people: 120,
      firstTime: Date.UTC(2024, 5, 1),
      sources: [{ source: "shop.csv", events: EVENT_COUNT, people: 120 }],
    });
    expect(summary.eventNames).toEqual([
      { event: "visit", people: 120, events: 120 },
      { event: "signup", people: 60, events: 60 },
      { event: "pay", people: 48, events: 48 },
    ]);

    const properties = (await server.call("GET", `${base}/events/properties?event=visit`)).json.properties;
    expect(properties.map((p: { name: string }) => p.name).sort()).toEqual(["channel", "url"]);
    const channel = properties.find((p: { name: string }) => p.name === "channel");
    expect(channel.examples.sort()).toEqual(["ads", "organic"]);

    const again = await waitForImport(
      server,
      (await server.call("POST", `${base}/imports?filename=shop.csv`, CSV)).json.id,
    );
    expect(again).toMatchObject({ state: "done", inserted: 0, duplicates: EVENT_COUNT });
    const listed = (await server.call("GET", `${base}/imports`)).json.imports;
    expect(listed.map((j: { id: string }) => j.id).slice(0, 2)).toEqual([again.id, job.id]);
  });

  it("stores nothing from a file with a bad row and lists where it is; skipInvalid keeps the good rows", async () => {
    const before = (await server.call("GET", `${base}/events/summary`)).json.events;
    const file = "person,time,event\nz1,2024-07-01,visit\nz2,someday,visit\n";
    const failed = await waitForImport(
      server,
      (await server.call("POST", `${base}/imports?filename=bad.csv`, file)).json.id,
    );
    expect(failed).toMatchObject({ state: "failed", inserted: 0 });
    expect(failed.errors).toEqual([
      { location: "bad.csv:3:4", reason: expect.stringMatching(/^time "someday" is not a date or time/) },
    ]);
    expect((await server.call("GET", `${base}/events/summary`)).json.events).toBe(before);

    const skipped = await waitForImport(
      server,
      (await server.call("POST", `${base}/imports?filename=bad.csv&skipInvalid=true`, file)).json.id,
    );
    expect(skipped).toMatchObject({ state: "done", inserted: 1, rejected: 1 });
    expect(skipped.errors[0].location).toBe("bad.csv:3:4");
  });

  it("refuses unknown workspaces, imports and presets", async () => {
    expect((await server.call("POST", "/api/workspaces/nope/imports?filename=a.csv", CSV)).status).toBe(404);
    expect((await server.call("GET", `${base}/imports/nope`)).status).toBe(404);
    const preset = await server.call("POST", `${base}/imports?filename=a.csv&preset=frobnicate`, CSV);
    expect(preset.status).toBe(400);
    expect(preset.json.error.field).toBe("preset");
    const map = await server.call("POST", `${base}/imports?filename=a.csv&map=nonsense`, CSV);
    expect(map.json.error).toMatchObject({ field: "map" });
  });

  it("lists the new routes in the OpenAPI document", async () => {
    const doc = (await server.call("GET", "/api/openapi.json")).json;
    for (const route of [
      "/api/workspaces/{wid}/events/summary",
      "/api/workspaces/{wid}/events/properties",
      "/api/workspaces/{wid}/imports/preview",
      "/api/workspaces/{wid}/imports",
      "/api/workspaces/{wid}/imports/{importId}",
      "/api/maps/{id}/funnel",
      "/api/maps/{id}/paths",
      "/api/maps/{id}/compare",
      "/api/workspaces/{wid}/write-key",
      "/api/workspaces/{wid}/write-key/rotate",
      "/api/capture",
    ]) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["CaptureMessage", "CaptureBatch"]),
    );
  });
});
