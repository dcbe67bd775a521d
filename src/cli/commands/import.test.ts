import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkspaceEventStores } from "../../analytics/workspace-event-stores.js";
import { openStore } from "../../store/open-store.js";
import { runTropa } from "../run-tropa.test-support.js";

let dir = "";
const tropa = (...args: string[]) => runTropa(dir, args);
const dataDir = () => path.join(dir, "data");

async function workspaceIds(): Promise<string[]> {
  const store = await openStore({ dataDir: dataDir() });
  try {
    return (await store.listWorkspaces()).map((workspace) => workspace.id);
  } finally {
    await store.close();
  }
}

async function countEvents(workspaceId: string): Promise<number> {
  const stores = new WorkspaceEventStores(dataDir());
  try {
    return await stores.use(workspaceId, (store) => store.countEvents());
  } finally {
    await stores.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-cli-import-"));
  await writeFile(path.join(dir, "events.csv"), "person,time,event\na,2024-06-01,visit\nb,2024-06-02,pay\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tropa import of event files into a workspace", () => {
  it("imports into the first workspace's event store by default", async () => {
    const run = await tropa("import", "events.csv");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Imported 2 events from events\.csv/);
    const [first] = await workspaceIds();
    if (!first) throw new Error("no workspace was created");
    expect(existsSync(path.join(dataDir(), "events", first, "events.duckdb"))).toBe(true);
    expect(existsSync(path.join(dataDir(), "events.duckdb"))).toBe(false);
    expect(await countEvents(first)).toBe(2);
  });

  it("imports into the workspace named with --workspace, and refuses an unknown one", async () => {
    const store = await openStore({ dataDir: dataDir() });
    const second = await store.createWorkspace("Second").finally(() => store.close());
    const run = await tropa("import", "events.csv", "--workspace", second.id);
    expect(run.code, run.stderr).toBe(0);
    expect(await countEvents(second.id)).toBe(2);

    const unknown = await tropa("import", "events.csv", "--workspace", "nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("tropa: workspace nope not found\n");
  });

  it("says so clearly when a running server holds the workspace's events", async () => {
    const [first] = await workspaceIds();
    if (!first) throw new Error("no workspace was created");
    const server = new WorkspaceEventStores(dataDir());
    try {
      await server.use(first, (store) => store.countEvents());
      const run = await tropa("import", "events.csv");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(
          `^tropa: the events of workspace ${first} \\(.*events\\.duckdb\\) are open in another Tropa process`,
        ),
      );
      expect(run.stderr).toContain(`POST /api/workspaces/${first}/imports`);
    } finally {
      await server.close();
    }
  });
});
