import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import { openStore } from "../store/open-store.js";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { seedDemoData } from "./seed-demo-data.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the store, seeds the demo workspace on first start and serves the API and UI. */
export async function startServer(config: Config): Promise<RunningServer> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const eventStores = new WorkspaceEventStores(config.dataDir, { clickhouseUrl: config.clickhouseUrl });
  try {
    await seedDemoData(store, eventStores);
  } catch (error) {
    await eventStores.close();
    await store.close();
    throw error;
  }
  const app = createApp({ store, config, eventStores });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
    started.once("error", reject);
  }).catch(async (error: unknown) => {
    await eventStores.close();
    await store.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(config.host)}:${port}`;
  console.log(`Tropa is running at ${url}`);
  return {
    url,
    async close() {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      // Running imports and captures finish first, so nothing acknowledged is lost.
      await eventStores.close();
      await store.close();
    },
  };
}

function displayHost(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
