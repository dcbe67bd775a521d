import { createRoute, z } from "@hono/zod-openapi";
import { type ColumnMapping, parseMapping } from "../../analytics/import/column-mapping.js";
import { previewEventFile } from "../../analytics/import/preview-event-file.js";
import { IMPORT_PRESETS } from "../../domain/analytics/event-import.js";
import { importJobSchema } from "../../domain/analytics/import-job.js";
import { importPreviewSchema } from "../../domain/analytics/import-preview.js";
import { TropaError, ValidationError } from "../../domain/errors.js";
import { idSchema } from "../../domain/journey-map.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { canImportEvents, canViewEvents, requireAllowed } from "../policy.js";
import { saveUpload } from "../save-upload.js";
import { json } from "./json-content.js";

const UPLOAD_PATH = /^\/api\/workspaces\/[^/]+\/imports$/;

/** An event file upload: the one request allowed past the JSON body limit (it is streamed to disk). */
export function isEventUpload(method: string, path: string): boolean {
  return method === "POST" && UPLOAD_PATH.test(path);
}

const fileQuery = z.object({
  filename: z.string().min(1).max(255),
  preset: z.enum(IMPORT_PRESETS).optional(),
  map: z
    .string()
    .max(2000)
    .optional()
    .meta({ description: "columns: person=COL,time=COL,event=COL[,id=COL]" }),
});

const previewRoute = createRoute({
  method: "post",
  path: "/api/workspaces/{wid}/imports/preview",
  summary: "Preview an event file (the raw file, or its first bytes, is the request body)",
  description:
    "Reads the first rows with the import's readers: raw columns and rows, the person/time/event columns (given in `map`, else the defaults, else guessed from usual names), the first events and the problems of the first rows. Stores nothing.",
  request: { params: z.object({ wid: idSchema }), query: fileQuery },
  responses: {
    200: json(importPreviewSchema, "the preview"),
    400: errorResponses[400],
    404: errorResponses[404],
    413: errorResponses[413],
  },
});

const startImportRoute = createRoute({
  method: "post",
  path: "/api/workspaces/{wid}/imports",
  summary: "Import an event file in the background (the raw file is the request body)",
  description:
    "The upload is saved first, then imported into the workspace's events; poll the job for progress. Atomic unless `skipInvalid=true`: one bad row and nothing is stored. Re-importing a file adds nothing.",
  request: {
    params: z.object({ wid: idSchema }),
    query: fileQuery.extend({ skipInvalid: z.enum(["true", "false"]).default("false") }),
  },
  responses: {
    202: json(importJobSchema, "the import job, running"),
    400: errorResponses[400],
    404: errorResponses[404],
    413: errorResponses[413],
  },
});

const listImportsRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/imports",
  summary: "The workspace's imports since the server started, newest first",
  request: { params: z.object({ wid: idSchema }) },
  responses: {
    200: json(z.object({ imports: z.array(importJobSchema) }), "import jobs"),
    404: errorResponses[404],
  },
});

const getImportRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/imports/{importId}",
  summary: "One import: progress while running, then its summary and errors",
  request: { params: z.object({ wid: idSchema, importId: idSchema }) },
  responses: { 200: json(importJobSchema, "the import job"), 404: errorResponses[404] },
});

/** The `map` query parameter: every named part, and (for the preview) which parts were named. */
function readMapping(spec: string | undefined): { mapping: ColumnMapping; named: Partial<ColumnMapping> } {
  try {
    const mapping = parseMapping(spec);
    const parts = (spec ?? "").split(",").map((pair) => pair.split("=", 1)[0]?.trim() ?? "");
    const named = Object.fromEntries(
      (Object.keys(mapping) as (keyof ColumnMapping)[])
        .filter((part) => parts.includes(part))
        .map((part) => [part, mapping[part]]),
    );
    return { mapping, named };
  } catch (error) {
    if (!(error instanceof TropaError)) throw error;
    throw new ValidationError(
      "map: use person=COLUMN,time=COLUMN,event=COLUMN[,id=COLUMN], e.g. person=client_id,time=Date",
      "map",
    );
  }
}

export function registerImportRoutes(app: App): void {
  app.openapi(previewRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canImportEvents(c.var.actor, wid));
    const { filename, preset, map } = c.req.valid("query");
    await c.var.store.getWorkspace(wid);
    const { named } = readMapping(map);
    const upload = await saveUpload(c.req.raw.body, filename);
    try {
      return c.json(await previewEventFile(upload.file, { mapping: named, preset }), 200);
    } finally {
      await upload.remove();
    }
  });

  app.openapi(startImportRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canImportEvents(c.var.actor, wid));
    const { filename, preset, map, skipInvalid } = c.req.valid("query");
    await c.var.store.getWorkspace(wid);
    const { mapping } = readMapping(map);
    const upload = await saveUpload(c.req.raw.body, filename);
    const job = c.var.importJobs.start(wid, upload.file, {
      filename,
      mapping,
      preset,
      skipInvalid: skipInvalid === "true",
      totalBytes: upload.bytes,
      onDone: ({ inserted, duplicates, rejected }) =>
        recordActivity(
          c,
          "events.imported",
          { workspaceId: wid },
          { filename, inserted, duplicates, rejected },
        ),
    });
    return c.json(job, 202);
  });

  app.openapi(listImportsRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canViewEvents(c.var.actor, wid));
    await c.var.store.getWorkspace(wid);
    return c.json({ imports: c.var.importJobs.list(wid) }, 200);
  });

  app.openapi(getImportRoute, async (c) => {
    const { wid, importId } = c.req.valid("param");
    requireAllowed(canViewEvents(c.var.actor, wid));
    return c.json(c.var.importJobs.get(wid, importId), 200);
  });
}
