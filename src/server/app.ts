import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { NotFoundError, PayloadTooLargeError } from "../domain/errors.js";
import type { Store } from "../store/store.js";
import { errorBody, respondToError, validationHook } from "./api-error.js";
import type { App, AppEnv } from "./app-env.js";
import type { Config } from "./config.js";
import { LOCAL_ACTOR } from "./policy.js";
import { registerExchangeRoutes } from "./routes/exchange.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerMapRoutes } from "./routes/maps.js";
import { registerPersonaRoutes } from "./routes/personas.js";
import { registerTemplateRoutes } from "./routes/templates.js";
import { registerVersionRoutes } from "./routes/versions.js";
import { registerWorkspaceRoutes } from "./routes/workspaces.js";
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

/** The HTTP API and the web UI's files, over one store. */
export function createApp({ store, config }: { store: Store; config: Config }): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use("*", secureHeaders({ contentSecurityPolicy }));
  app.use("/api/*", async (c, next) => {
    c.set("store", store);
    c.set("actor", LOCAL_ACTOR);
    await next();
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) => c.json(errorBody(new PayloadTooLargeError(config.maxBodyBytes)), 413),
    }),
  );

  registerHealthRoutes(app);
  registerTemplateRoutes(app);
  registerWorkspaceRoutes(app);
  registerMapRoutes(app);
  registerVersionRoutes(app);
  registerPersonaRoutes(app);
  registerExchangeRoutes(app);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tropa API",
      version: "1",
      description:
        "Customer journey maps: workspaces, maps, versions, personas, templates, import and export.",
    },
  });
  app.all("/api/*", (c) =>
    c.json(errorBody(new NotFoundError(`API endpoint ${c.req.method} ${c.req.path}`)), 404),
  );
  registerStaticFiles(app, config.webDir);

  app.onError(respondToError);
  return app;
}
