import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterEach, expect, it, vi } from "vitest";
import { openStore } from "../store/open-store.js";
import { testBackends } from "../store/test-databases.js";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";

let cleanup: (() => Promise<void>) | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup?.();
});

it("answers an unexpected failure with 500, an error id and no internals", async () => {
  const sqlite = testBackends().find((b) => b.name === "sqlite");
  if (!sqlite) throw new Error("the sqlite backend is always available");
  const created = await sqlite.create();
  const store = await openStore(created.config);
  // A closed store makes every query fail the way a lost database connection would.
  await store.close();
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const app = createApp({ store, config: loadConfig({ DATA_DIR: created.config.dataDir }) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  cleanup = async () => {
    await new Promise((resolve) => server.close(resolve));
    await created.cleanup();
  };

  const { port } = server.address() as AddressInfo;
  // A session cookie makes the server look the session up in the (closed) database.
  const response = await fetch(`http://127.0.0.1:${port}/api/workspaces`, {
    headers: { cookie: `tropa_session=${"A".repeat(43)}` },
  });
  expect(response.status).toBe(500);
  const body = (await response.json()) as { error: { code: string; message: string; errorId: string } };
  expect(body.error.code).toBe("internal");
  expect(body.error.message).toContain(body.error.errorId);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|destroyed|kysely/i);
  expect(String(logged.mock.calls[0]?.[0])).toContain(body.error.errorId);
});
