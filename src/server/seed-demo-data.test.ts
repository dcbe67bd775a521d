import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { type Caller, setUpOwner, signIn } from "./routes/test-server.test-support.js";
import { type RunningServer, startServer } from "./start.js";

describe("first start on an empty data directory", () => {
  let dataDir: string;
  let server: RunningServer;
  let owner: Caller;
  // biome-ignore lint/suspicious/noExplicitAny: the test reads arbitrary response JSON
  const get = async (url: string): Promise<any> => (await owner.call("GET", url)).json;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "tropa-demo-"));
    server = await startServer(loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir }));
    // The first visitor becomes the owner of the demo workspace.
    owner = await setUpOwner(server.url);
  }, 60_000);

  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves the loan-application example bound to the BPIC 2012 events, counted as the publisher does", async () => {
    const [workspace] = await get("/api/workspaces");
    const maps: { id: string; title: string }[] = await get(`/api/workspaces/${workspace.id}/maps`);
    const loan = maps.find((map) => map.title === "Loan application (BPIC 2012)");
    expect(loan).toBeDefined();
    const response = await owner.call("POST", `/api/maps/${loan?.id}/funnel`, {});
    expect(response.status).toBe(200);
    const answer = response.json;
    const people = answer.result.steps.map((step: { people: number }) => step.people);
    expect(people).toEqual([13087, 7367, 5113, 5015, 2246]);
    expect(answer.sources).toEqual(["BPIC 2012 (demo)"]);
  });

  it("does not import the demo events twice when the server starts again", async () => {
    await server.close();
    server = await startServer(loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir }));
    owner = await signIn(server.url, owner.email);
    const [workspace] = await get("/api/workspaces");
    const summary = await get(`/api/workspaces/${workspace.id}/events/summary`);
    expect(summary.sources).toEqual([
      expect.objectContaining({ source: "BPIC 2012 (demo)", events: 164506 }),
    ]);
  }, 60_000);
});
