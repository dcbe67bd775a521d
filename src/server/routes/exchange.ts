import { createRoute, z } from "@hono/zod-openapi";
import { idSchema, journeyMapSchema } from "../../domain/journey-map.js";
import { EXPORT_FORMATS, exportMap } from "../../exchange/export-map.js";
import { IMPORT_FORMATS, importMap } from "../../exchange/import-map.js";
import { toMapFile } from "../../exchange/map-file.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { contentDisposition } from "../content-disposition.js";
import { withFreshIds } from "../fresh-ids.js";
import { canEditWorkspace, canViewMap, requireAllowed } from "../policy.js";
import { loadMap } from "./load-map.js";

const exportRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}/export",
  summary: "Download the map as a file",
  request: {
    params: z.object({ id: idSchema }),
    query: z.object({ format: z.enum(EXPORT_FORMATS).default("json") }),
  },
  responses: {
    200: {
      description: "the file, with a Content-Disposition naming it after the map",
      content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
    },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const importRoute = createRoute({
  method: "post",
  path: "/api/workspaces/{wid}/import",
  summary: "Create a map from an uploaded file (the raw file is the request body)",
  description: "The imported map and personas get fresh ids, so importing one file twice makes two maps.",
  request: {
    params: z.object({ wid: idSchema }),
    query: z.object({
      format: z.enum(IMPORT_FORMATS),
      filename: z.string().min(1).max(255).default("upload"),
    }),
  },
  responses: {
    201: {
      description: "the new map",
      content: {
        "application/json": { schema: z.object({ map: journeyMapSchema, revision: z.number().int() }) },
      },
    },
    400: errorResponses[400],
    404: errorResponses[404],
    413: errorResponses[413],
    422: errorResponses[422],
  },
});

export function registerExchangeRoutes(app: App): void {
  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const { map, workspaceId } = await loadMap(c.var.store, id, (w) => canViewMap(c.var.actor, w));
    const workspacePersonas = await c.var.store.listPersonas(workspaceId);
    const personas = workspacePersonas.filter((persona) => map.personaIds.includes(persona.id));
    const file = await exportMap(toMapFile(map, personas), format);
    const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
    return c.body(body, 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(`${map.title}.${file.extension}`),
    });
  });

  app.openapi(importRoute, async (c) => {
    const { wid } = c.req.valid("param");
    const { format, filename } = c.req.valid("query");
    requireAllowed(canEditWorkspace(c.var.actor, wid));
    await c.var.store.getWorkspace(wid);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const file = await importMap(bytes, format, filename);
    const fresh = withFreshIds(file.map, file.personas);
    const stored = await c.var.store.createMap(wid, fresh.map, fresh.personas);
    await recordActivity(
      c,
      "map.imported",
      { workspaceId: wid, mapId: stored.map.id },
      { title: stored.map.title, filename },
    );
    return c.json({ map: stored.map, revision: stored.revision }, 201);
  });
}
