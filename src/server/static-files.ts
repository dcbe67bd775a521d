import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { App } from "./app-env.js";

/**
 * Serves the built web UI; any other non-API path gets index.html so the UI's own router
 * can handle deep links such as /maps/abc after a reload.
 */
export function registerStaticFiles(app: App, webDir: string): void {
  if (!existsSync(path.join(webDir, "index.html"))) {
    app.get("*", (c) =>
      c.text(
        "The Tropa web UI is not built yet: run `npm run build`, then restart. The API is at /api.",
        404,
      ),
    );
    return;
  }
  app.use("*", serveStatic({ root: webDir }));
  app.get("*", serveStatic({ root: webDir, path: "index.html" }));
}
