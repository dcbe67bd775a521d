import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import { openStore } from "../store/open-store.js";
import { recordLiveEdit } from "./activity/record-live-edit.js";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { LiveMaps, type LiveMapsOptions } from "./live/live-maps.js";
import { seedDemoData } from "./seed-demo-data.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerHooks {
  /** Called after live co-editing saved a map revision (who edited, the map before and after). */
  onLiveRevisionSaved?: LiveMapsOptions["onRevisionSaved"];
}

/** Opens the store, seeds the demo workspace on first start and serves the API and UI. */
export async function startServer(config: Config, hooks: ServerHooks = {}): Promise<RunningServer> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const eventStores = new WorkspaceEventStores(config.dataDir, { clickhouseUrl: config.clickhouseUrl });
  try {
    await seedDemoData(store, eventStores);
  } catch (error) {
    await eventStores.close();
    await store.close();
    throw error;
  }
  const liveMaps = new LiveMaps({
    store,
    config,
    onRevisionSaved: async (saved) => {
      await recordLiveEdit(store, saved);
      await hooks.onLiveRevisionSaved?.(saved);
    },
  });
  const app = createApp({ store, config, eventStores, liveMaps });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    );
    started.once("error", reject);
  }).catch(async (error: unknown) => {
    await liveMaps.close();
    await eventStores.close();
    await store.close();
    throw error;
  });
  server.on("upgrade", (request, socket, head) => liveMaps.handleUpgrade(request, socket, head));
  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(config.host)}:${port}`;
  console.log(`Tropa is running at ${url}`);
  return {
    url,
    async close() {
      // Live editors are sent away and every room saved first: open WebSockets would hold the server open.
      await liveMaps.close();
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
