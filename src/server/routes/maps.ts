import { createRoute, z } from "@hono/zod-openapi";
import { ValidationError } from "../../domain/errors.js";
import { idSchema, journeyMapSchema, langSchema, nameSchema } from "../../domain/journey-map.js";
import { mapPreviewSchema } from "../../domain/map-preview.js";
import { personaSchema } from "../../domain/persona.js";
import { markReviewed } from "../../domain/review.js";
import { createMapFromTemplate, listTemplates } from "../../domain/templates/index.js";
import type { Store, StoredMap } from "../../store/store.js";
import { recordActivity, recordMapEdit } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { withFreshIds } from "../fresh-ids.js";
import { canEditMap, canEditWorkspace, canViewMap, canViewWorkspace, requireAllowed } from "../policy.js";
import { json, jsonBody } from "./json-content.js";
import { loadMap } from "./load-map.js";

const workspaceParams = z.object({ wid: idSchema });
const mapParams = z.object({ id: idSchema });

const mapSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  personaIds: z.array(z.string()),
  state: z.enum(["as-is", "to-be"]),
  lang: langSchema,
  stageCount: z.number().int(),
  revision: z.number().int(),
  updatedAt: z.string(),
  lastReviewedAt: z.string().nullable(),
  reviewOverdue: z.boolean(),
  preview: mapPreviewSchema,
});

const mapWithRevisionSchema = z.object({ map: journeyMapSchema, revision: z.number().int() });

const listMapsRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/maps",
  summary: "Map summaries of a workspace, recently changed first",
  request: { params: workspaceParams },
  responses: { 200: json(z.array(mapSummarySchema), "map summaries"), 404: errorResponses[404] },
});

const createMapBody = z.object({
  templateId: z.string().max(200).optional(),
  lang: langSchema.optional(),
  map: journeyMapSchema.optional(),
  personas: z.array(personaSchema).max(50).optional(),
});

const createMapRoute = createRoute({
  method: "post",
  path: "/api/workspaces/{wid}/maps",
  summary: "Create a map from a template (`templateId`, `lang`) or from a map document (`map`, `personas`)",
  description:
    "A posted map and its personas get fresh ids, so posting the same document twice makes two maps.",
  request: {
    params: workspaceParams,
    body: jsonBody(createMapBody),
  },
  responses: {
    201: json(mapWithRevisionSchema, "the new map"),
    400: errorResponses[400],
    404: errorResponses[404],
    413: errorResponses[413],
    422: errorResponses[422],
  },
});

const getMapRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}",
  summary: "One map at its latest revision",
  request: { params: mapParams },
  responses: {
    200: json(
      z.object({
        map: journeyMapSchema,
        revision: z.number().int(),
        updatedAt: z.string(),
        workspaceId: z.string(),
      }),
      "the map",
    ),
    404: errorResponses[404],
  },
});

const saveMapRoute = createRoute({
  method: "put",
  path: "/api/maps/{id}",
  summary: "Save the map as a new revision on top of `baseRevision`",
  request: {
    params: mapParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ map: journeyMapSchema, baseRevision: z.number().int().min(1) }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ revision: z.number().int(), updatedAt: z.string() }), "saved"),
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
    413: errorResponses[413],
    422: errorResponses[422],
  },
});

const deleteMapRoute = createRoute({
  method: "delete",
  path: "/api/maps/{id}",
  summary: "Delete a map and all its versions",
  request: { params: mapParams },
  responses: { 204: { description: "deleted" }, 404: errorResponses[404] },
});

const reviewMapRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/review",
  summary: "Mark the map reviewed now (a new revision)",
  description: "With `baseRevision` the review is refused (409) when the map changed meanwhile.",
  request: {
    params: mapParams,
    body: {
      required: false,
      content: {
        "application/json": { schema: z.object({ baseRevision: z.number().int().min(1).optional() }) },
      },
    },
  },
  responses: {
    200: json(mapWithRevisionSchema, "the reviewed map"),
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const saveAsTemplateRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/template",
  summary: "Save the map as a workspace template",
  request: {
    params: mapParams,
    body: jsonBody(z.object({ name: nameSchema })),
  },
  responses: {
    201: json(
      z.object({ id: z.string(), workspaceId: z.string(), name: z.string(), createdAt: z.string() }),
      "the template",
    ),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

function presentMapWithRevision(stored: StoredMap) {
  return { map: stored.map, revision: stored.revision };
}

async function createFromTemplate(store: Store, workspaceId: string, templateId: string, lang: "ru" | "en") {
  if (listTemplates().some((template) => template.id === templateId)) {
    const { map, personas } = createMapFromTemplate(templateId, lang);
    return store.createMap(workspaceId, map, personas);
  }
  const template = await store.getWorkspaceTemplate(templateId);
  const { map } = withFreshIds(template.map, []);
  return store.createMap(workspaceId, { ...map, templateId, lastReviewedAt: null }, []);
}

export function registerMapRoutes(app: App): void {
  app.openapi(listMapsRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canViewWorkspace(c.var.actor, wid));
    return c.json(await c.var.store.listMaps(wid), 200);
  });

  app.openapi(createMapRoute, async (c) => {
    const { wid } = c.req.valid("param");
    const body = c.req.valid("json");
    requireAllowed(canEditWorkspace(c.var.actor, wid));
    let stored: StoredMap;
    if (body.map) {
      const fresh = withFreshIds(body.map, body.personas ?? []);
      stored = await c.var.store.createMap(wid, fresh.map, fresh.personas);
    } else if (body.templateId) {
      stored = await createFromTemplate(c.var.store, wid, body.templateId, body.lang ?? "en");
    } else {
      throw new ValidationError("templateId: give either templateId and lang, or a map", "templateId");
    }
    await recordActivity(
      c,
      "map.created",
      { workspaceId: wid, mapId: stored.map.id },
      { title: stored.map.title },
    );
    return c.json(presentMapWithRevision(stored), 201);
  });

  app.openapi(getMapRoute, async (c) => {
    const stored = await loadMap(c.var.store, c.req.valid("param").id, (w) => canViewMap(c.var.actor, w));
    return c.json(
      {
        map: stored.map,
        revision: stored.revision,
        updatedAt: stored.updatedAt,
        workspaceId: stored.workspaceId,
      },
      200,
    );
  });

  app.openapi(saveMapRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { map, baseRevision } = c.req.valid("json");
    const before = await loadMap(c.var.store, id, (w) => canEditMap(c.var.actor, w));
    const saved = await c.var.store.saveMap(id, map, baseRevision);
    await c.var.liveMaps.mapWritten(saved);
    await recordMapEdit(c, saved.workspaceId, before.map, saved.map);
    return c.json({ revision: saved.revision, updatedAt: saved.updatedAt }, 200);
  });

  app.openapi(deleteMapRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { workspaceId, map } = await loadMap(c.var.store, id, (w) => canEditMap(c.var.actor, w));
    await c.var.store.deleteMap(id);
    await c.var.liveMaps.mapDeleted(id);
    await recordActivity(c, "map.deleted", { workspaceId, mapId: id }, { title: map.title });
    return c.body(null, 204);
  });

  app.openapi(reviewMapRoute, async (c) => {
    const { id } = c.req.valid("param");
    const stored = await loadMap(c.var.store, id, (w) => canEditMap(c.var.actor, w));
    const baseRevision = c.req.valid("json").baseRevision ?? stored.revision;
    const saved = await c.var.store.saveMap(id, markReviewed(stored.map, new Date()), baseRevision);
    await c.var.liveMaps.mapWritten(saved);
    await recordMapEdit(c, saved.workspaceId, stored.map, saved.map);
    return c.json(presentMapWithRevision(saved), 200);
  });

  app.openapi(saveAsTemplateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const stored = await loadMap(c.var.store, id, (w) => canEditWorkspace(c.var.actor, w));
    const template = await c.var.store.saveWorkspaceTemplate(
      stored.workspaceId,
      c.req.valid("json").name,
      stored.map,
    );
    return c.json(
      {
        id: template.id,
        workspaceId: template.workspaceId,
        name: template.name,
        createdAt: template.createdAt,
      },
      201,
    );
  });
}
