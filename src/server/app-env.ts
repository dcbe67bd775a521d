import type { OpenAPIHono } from "@hono/zod-openapi";
import type { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import type { Store } from "../store/store.js";
import type { ImportJobs } from "./import-jobs.js";
import type { Actor } from "./policy.js";

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    store: Store;
    actor: Actor;
    eventStores: WorkspaceEventStores;
    importJobs: ImportJobs;
  };
}

export type App = OpenAPIHono<AppEnv>;
