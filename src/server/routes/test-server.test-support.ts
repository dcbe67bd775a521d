import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore } from "../../store/open-store.js";
import type { TestBackend } from "../../store/test-databases.js";
import { loadConfig } from "../config.js";
import { startServer } from "../start.js";

export interface Json {
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response JSON
  [key: string]: any;
}

export type Answer = { status: number; json: Json };

/** A real server on a free port over a fresh store of `backend`, with its own DATA_DIR for event files. */
export interface TestServer {
  url: string;
  dataDir: string;
  workspaceId: string;
  /** JSON in (a string goes as it is), JSON out. */
  call(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  close(): Promise<void>;
}

export async function startTestServer(
  backend: TestBackend,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const created = await backend.create();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tropa-events-"));
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, ...env });
  // A workspace of its own: the server then skips the demo seed (and its demo events).
  const store = await openStore({ dataDir, databaseUrl: created.config.databaseUrl });
  await store.createWorkspace("Tests");
  await store.close();
  const server = await startServer({ ...config, databaseUrl: created.config.databaseUrl, webDir: dataDir });
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = typeof body === "string";
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: body === undefined || raw ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as Json };
  };
  const workspaceId = (await call("GET", "/api/workspaces")).json[0].id as string;
  return {
    url: server.url,
    dataDir,
    workspaceId,
    call,
    async close() {
      await server.close();
      await created.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls an import job until it is no longer running. */
export async function waitForImport(server: TestServer, importId: string): Promise<Json> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await server.call("GET", `/api/workspaces/${server.workspaceId}/imports/${importId}`)).json;
    if (job.state !== "running" || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * 120 people from June 2024: everyone visits, every 2nd signs up 2 h later, every 4th pays 3 days
 * after the visit, every other 5th pays within the hour without signing up; every 3rd came from ads. So the funnel
 * visit → signup → pay counts 120, 60, 30 (ads only: 40, 20, 10).
 */
export function funnelEventsCsv(): string {
  const lines = ["person,time,event,channel,url"];
  const add = (person: string, time: number, event: string, channel: string) =>
    lines.push(`${person},${new Date(time).toISOString()},${event},${channel},https://shop.example/${event}`);
  for (let i = 0; i < 120; i++) {
    const person = `p${i}`;
    const start = Date.UTC(2024, 5, 1) + (i % 30) * DAY;
    const channel = i % 3 === 0 ? "ads" : "organic";
    add(person, start, "visit", channel);
    if (i % 2 === 0) add(person, start + 2 * 60 * 60 * 1000, "signup", channel);
    if (i % 4 === 0) add(person, start + 3 * DAY, "pay", channel);
    else if (i % 5 === 0) add(person, start + 60 * 60 * 1000, "pay", channel);
  }
  return `${lines.join("\n")}\n`;
}
