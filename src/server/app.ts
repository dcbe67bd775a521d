import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import { NotFoundError, PayloadTooLargeError } from "../domain/errors.js";
import type { Store } from "../store/store.js";
import { errorBody, respondToError, validationHook } from "./api-error.js";
import type { App, AppEnv } from "./app-env.js";
import type { Config } from "./config.js";
import { ImportJobs } from "./import-jobs.js";
import { LOCAL_ACTOR } from "./policy.js";
import { registerCaptureRoutes } from "./routes/capture.js";
import { registerEventRoutes } from "./routes/events.js";
import { registerExchangeRoutes } from "./routes/exchange.js";
import { registerHealthRoutes } from "./routes/health.js";
import { isEventUpload, registerImportRoutes } from "./routes/imports.js";
import { registerMapAnalyticsRoutes } from "./routes/map-analytics.js";
import { registerMapRoutes } from "./routes/maps.js";
import { registerPersonaRoutes } from "./routes/personas.js";
import { registerTemplateRoutes } from "./routes/templates.js";
import { registerVersionRoutes } from "./routes/versions.js";
import { registerWorkspaceRoutes } from "./routes/workspaces.js";
import { registerWriteKeyRoutes } from "./routes/write-keys.js";
import { registerStaticFiles } from "./static-files.js";

/** No inline scripts anywhere; inline styles only because React sets style attributes. */
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) => c.json(errorBody(new PayloadTooLargeError(maxSize)), 413),
  });
}

/**
 * The HTTP API and the web UI's files, over one store. The workspaces' event stores are opened on first
 * use; whoever passes them in closes them (a default set is opened lazily and holds nothing until used).
 */
export function createApp({
  store,
  config,
  eventStores = new WorkspaceEventStores(config.dataDir, { clickhouseUrl: config.clickhouseUrl }),
}: {
  store: Store;
  config: Config;
  eventStores?: WorkspaceEventStores;
}): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const importJobs = new ImportJobs(eventStores);

  app.use("*", secureHeaders({ contentSecurityPolicy }));
  app.use("/api/*", async (c, next) => {
    c.set("store", store);
    c.set("actor", LOCAL_ACTOR);
    c.set("eventStores", eventStores);
    c.set("importJobs", importJobs);
    await next();
  });
  // Event files are streamed to disk, so they may be far larger than any JSON request.
  const apiLimit = limitBody(config.maxBodyBytes);
  const uploadLimit = limitBody(config.maxImportBytes);
  app.use("/api/*", (c, next) =>
    isEventUpload(c.req.method, c.req.path) ? uploadLimit(c, next) : apiLimit(c, next),
  );

  registerHealthRoutes(app);
  registerTemplateRoutes(app);
  registerWorkspaceRoutes(app);
  registerMapRoutes(app);
  registerVersionRoutes(app);
  registerPersonaRoutes(app);
  registerExchangeRoutes(app);
  registerEventRoutes(app);
  registerImportRoutes(app);
  registerMapAnalyticsRoutes(app);
  registerWriteKeyRoutes(app);
  registerCaptureRoutes(app);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tropa API",
      version: "1",
      description:
        "Customer journey maps: workspaces, maps, versions, personas, templates, import and export; event data: imports, capture, funnels, paths and comparisons over a map.",
    },
  });
  app.all("/api/*", (c) =>
    c.json(errorBody(new NotFoundError(`API endpoint ${c.req.method} ${c.req.path}`)), 404),
  );
  registerStaticFiles(app, config.webDir);

  app.onError(respondToError);
  return app;
}
