import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openStore } from "./open-store.js";
import { testBackends } from "./test-databases.js";

const sqlite = testBackends().find((b) => b.name === "sqlite");
const openStoreModule = path.join(path.dirname(fileURLToPath(import.meta.url)), "open-store.ts");

let dataDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  if (!sqlite) throw new Error("the sqlite backend is always available");
  const created = await sqlite.create();
  dataDir = created.config.dataDir;
  cleanup = created.cleanup;
});

afterEach(async () => {
  await cleanup();
});

/** The child saves a map, reports it and then hangs until it is killed, so nothing gets closed cleanly. */
const childSource = (dir: string) => `
import { openStore } from ${JSON.stringify(openStoreModule)};
const store = await openStore({ dataDir: ${JSON.stringify(dir)} });
const workspace = await store.createWorkspace("Crash test");
const map = {
  schemaVersion: 1, id: "durable1", title: "Saved before the crash", description: "", lang: "en",
  personaIds: [], segment: "", state: "as-is", templateId: null, lastReviewedAt: null,
  stages: [{ id: "s1", name: "Start", description: "", substeps: [] }], lanes: [],
};
await store.createMap(workspace.id, map);
await store.saveMap("durable1", { ...map, title: "Saved just before the crash" }, 1);
process.stdout.write("saved\\n");
setInterval(() => {}, 1000);
`;

it("keeps an acknowledged save when the process is killed with SIGKILL", async () => {
  const script = path.join(dataDir, "child.mts");
  writeFileSync(script, childSource(dataDir));
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("saved")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before saving: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGKILL");
  await exited;

  const store = await openStore({ dataDir });
  try {
    const stored = await store.getMap("durable1");
    expect(stored.revision).toBe(2);
    expect(stored.map.title).toBe("Saved just before the crash");
  } finally {
    await store.close();
  }
});
