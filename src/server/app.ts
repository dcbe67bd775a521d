import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import { NotFoundError, PayloadTooLargeError } from "../domain/errors.js";
import type { Store } from "../store/store.js";
import { errorBody, respondToError, validationHook } from "./api-error.js";
import type { App, AppEnv } from "./app-env.js";
import { AttemptLimiter } from "./auth/attempt-limiter.js";
import { authenticate } from "./auth/authenticate.js";
import { refuseOutsidersOf, refuseWorkspaceOutsiders, workspaceOf } from "./auth/refuse-outsiders.js";
import type { Config } from "./config.js";
import { ImportJobs } from "./import-jobs.js";
import { LiveMaps } from "./live/live-maps.js";
import { createMailer, type Mailer } from "./mail/mailer.js";
import { ANONYMOUS } from "./policy.js";
import { registerActivityRoutes } from "./routes/activity.js";
import { registerAuthRoutes } from "./routes/auth.js";
import { registerCaptureRoutes } from "./routes/capture.js";
import { registerCommentRoutes } from "./routes/comments.js";
import { registerEventRoutes } from "./routes/events.js";
import { registerExchangeRoutes } from "./routes/exchange.js";
import { registerHealthRoutes } from "./routes/health.js";
import { isEventUpload, registerImportRoutes } from "./routes/imports.js";
import { registerInvitationRoutes } from "./routes/invitations.js";
import { registerMapAnalyticsRoutes } from "./routes/map-analytics.js";
import { registerMapRoutes } from "./routes/maps.js";
import { registerMemberRoutes } from "./routes/members.js";
import { registerPersonaRoutes } from "./routes/personas.js";
import { registerShareLinkRoutes } from "./routes/share-links.js";
import { registerSharedRoutes } from "./routes/shared.js";
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
  liveMaps = new LiveMaps({ store, config }),
  mailer = createMailer(config),
}: {
  store: Store;
  config: Config;
  eventStores?: WorkspaceEventStores;
  /** The WebSocket side (start.ts attaches its upgrade handler); REST writes are merged into its rooms. */
  liveMaps?: LiveMaps;
  /** Built from SMTP_URL and MAIL_FROM unless given; null sends nothing. */
  mailer?: Mailer | null;
}): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const importJobs = new ImportJobs(eventStores);
  const attempts = new AttemptLimiter();

  app.use("*", secureHeaders({ contentSecurityPolicy }));
  app.use("/api/*", async (c, next) => {
    c.set("store", store);
    c.set("config", config);
    c.set("actor", ANONYMOUS);
    c.set("attempts", attempts);
    c.set("eventStores", eventStores);
    c.set("importJobs", importJobs);
    c.set("liveMaps", liveMaps);
    c.set("mailer", mailer);
    await next();
  });
  app.use("/api/*", authenticate());
  app.use("/api/workspaces/:wid", refuseWorkspaceOutsiders());
  app.use("/api/workspaces/:wid/*", refuseWorkspaceOutsiders());
  for (const kind of ["map", "comment", "persona"] as const) {
    app.use(`/api/${kind}s/:id`, refuseOutsidersOf(workspaceOf[kind]));
    app.use(`/api/${kind}s/:id/*`, refuseOutsidersOf(workspaceOf[kind]));
  }
  // Event files are streamed to disk, so they may be far larger than any JSON request.
  const apiLimit = limitBody(config.maxBodyBytes);
  const uploadLimit = limitBody(config.maxImportBytes);
  app.use("/api/*", (c, next) =>
    isEventUpload(c.req.method, c.req.path) ? uploadLimit(c, next) : apiLimit(c, next),
  );

  registerHealthRoutes(app);
  registerAuthRoutes(app);
  registerTemplateRoutes(app);
  registerWorkspaceRoutes(app);
  registerMemberRoutes(app);
  registerInvitationRoutes(app);
  registerMapRoutes(app);
  registerVersionRoutes(app);
  registerCommentRoutes(app);
  registerActivityRoutes(app);
  registerShareLinkRoutes(app);
  registerSharedRoutes(app);
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
        "Customer journey maps: accounts and sessions, workspaces, members and invitations, maps, versions, personas, templates, import and export; event data: imports, capture, funnels, paths and comparisons over a map.",
    },
  });
  app.all("/api/*", (c) =>
    c.json(errorBody(new NotFoundError(`API endpoint ${c.req.method} ${c.req.path}`)), 404),
  );
  registerStaticFiles(app, config.webDir);

  app.onError(respondToError);
  return app;
}
