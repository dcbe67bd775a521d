import { loadConfig } from "../server/config.js";
import type { Store, StoreConfig } from "../store/store.js";

/** DATA_DIR and DATABASE_URL, read and checked by the server's config module so both agree on the store. */
export function readStoreConfig(): StoreConfig {
  const config = loadConfig(process.env);
  return { dataDir: config.dataDir, databaseUrl: config.databaseUrl };
}

/** Opens the configured store. Loaded on demand: the database drivers take about a second to load. */
export async function openConfiguredStore(config: StoreConfig = readStoreConfig()): Promise<Store> {
  const { openStore } = await import("../store/open-store.js");
  return openStore(config);
}
