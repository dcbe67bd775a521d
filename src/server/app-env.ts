import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Store } from "../store/store.js";
import type { Actor } from "./policy.js";

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    store: Store;
    actor: Actor;
  };
}

export type App = OpenAPIHono<AppEnv>;
