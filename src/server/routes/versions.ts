import { createRoute, z } from "@hono/zod-openapi";
import { idSchema, journeyMapSchema, NAME_MAX } from "../../domain/journey-map.js";
import type { MapVersionSummary } from "../../store/store.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { canEditMap, canViewMap } from "../policy.js";
import { checkMapAccess } from "./load-map.js";

const mapParams = z.object({ id: idSchema });
const versionParams = z.object({ id: idSchema, rev: z.coerce.number().int().min(1) });
const versionSummarySchema = z.object({
  revision: z.number().int(),
  name: z.string().nullable(),
  createdAt: z.string(),
});

const listVersionsRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}/versions",
  summary: "Every saved revision of a map, newest first",
  request: { params: mapParams },
  responses: {
    200: {
      description: "versions",
      content: { "application/json": { schema: z.array(versionSummarySchema) } },
    },
    404: errorResponses[404],
  },
});

const getVersionRoute = createRoute({
  method: "get",
  path: "/api/maps/{id}/versions/{rev}",
  summary: "The map as it was at one revision",
  request: { params: versionParams },
  responses: {
    200: {
      description: "the version",
      content: { "application/json": { schema: versionSummarySchema.extend({ map: journeyMapSchema }) } },
    },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const nameVersionRoute = createRoute({
  method: "put",
  path: "/api/maps/{id}/versions/{rev}",
  summary: "Name a version (an empty name clears it)",
  request: {
    params: versionParams,
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ name: z.string().max(NAME_MAX) }) } },
    },
  },
  responses: {
    200: {
      description: "the named version",
      content: { "application/json": { schema: versionSummarySchema } },
    },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const restoreVersionRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/versions/{rev}/restore",
  summary: "Save the content of an old version as a new revision on top of `baseRevision`",
  request: {
    params: versionParams,
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ baseRevision: z.number().int().min(1) }) } },
    },
  },
  responses: {
    200: {
      description: "the map at its new revision",
      content: {
        "application/json": {
          schema: z.object({ map: journeyMapSchema, revision: z.number().int(), updatedAt: z.string() }),
        },
      },
    },
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

function presentVersion(version: MapVersionSummary): z.infer<typeof versionSummarySchema> {
  return { revision: version.revision, name: version.name, createdAt: version.createdAt };
}

export function registerVersionRoutes(app: App): void {
  app.openapi(listVersionsRoute, async (c) => {
    const { id } = c.req.valid("param");
    await checkMapAccess(c.var.store, id, (w) => canViewMap(c.var.actor, w));
    return c.json((await c.var.store.listVersions(id)).map(presentVersion), 200);
  });

  app.openapi(getVersionRoute, async (c) => {
    const { id, rev } = c.req.valid("param");
    await checkMapAccess(c.var.store, id, (w) => canViewMap(c.var.actor, w));
    const version = await c.var.store.getVersion(id, rev);
    return c.json({ ...presentVersion(version), map: version.map }, 200);
  });

  app.openapi(nameVersionRoute, async (c) => {
    const { id, rev } = c.req.valid("param");
    await checkMapAccess(c.var.store, id, (w) => canEditMap(c.var.actor, w));
    const named = await c.var.store.nameVersion(id, rev, c.req.valid("json").name);
    return c.json(presentVersion(named), 200);
  });

  app.openapi(restoreVersionRoute, async (c) => {
    const { id, rev } = c.req.valid("param");
    await checkMapAccess(c.var.store, id, (w) => canEditMap(c.var.actor, w));
    const restored = await c.var.store.restoreVersion(id, rev, c.req.valid("json").baseRevision);
    await c.var.liveMaps.mapWritten(restored);
    await recordActivity(
      c,
      "map.restored",
      { workspaceId: restored.workspaceId, mapId: id },
      { title: restored.map.title, revision: rev },
    );
    return c.json({ map: restored.map, revision: restored.revision, updatedAt: restored.updatedAt }, 200);
  });
}
