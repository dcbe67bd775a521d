import type { OpenAPIHono } from "@hono/zod-openapi";
import type { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import type { Store } from "../store/store.js";
import type { AttemptLimiter } from "./auth/attempt-limiter.js";
import type { Config } from "./config.js";
import type { ImportJobs } from "./import-jobs.js";
import type { LiveMaps } from "./live/live-maps.js";
import type { Mailer } from "./mail/mailer.js";
import type { Actor } from "./policy.js";

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    store: Store;
    config: Config;
    actor: Actor;
    /** Rate limits of password and token guesses (sign-in, invitations, share links). */
    attempts: AttemptLimiter;
    eventStores: WorkspaceEventStores;
    importJobs: ImportJobs;
    /** Open live rooms; map-writing routes call `liveMaps.mapWritten(stored)` after a save. */
    liveMaps: LiveMaps;
    /** Sends invitations by email; null when SMTP_URL is not set. */
    mailer: Mailer | null;
  };
}

export type App = OpenAPIHono<AppEnv>;
