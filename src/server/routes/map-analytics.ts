import { createRoute, z } from "@hono/zod-openapi";
import { comparePeriods } from "../../analytics/compare-periods.js";
import { funnelQuerySchema } from "../../domain/analytics/funnel-query.js";
import {
  mapCompareAnswerSchema,
  mapCompareRequestSchema,
  mapFunnelAnswerSchema,
  mapFunnelRequestSchema,
  mapPathsAnswerSchema,
  mapPathsRequestSchema,
} from "../../domain/analytics/map-analytics.js";
import { NotFoundError } from "../../domain/errors.js";
import { idSchema } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import type { Store } from "../../store/store.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { funnelQueryOfMap, pathsQueryOfMap } from "../map-queries.js";
import { canViewEvents } from "../policy.js";
import { json } from "./json-content.js";
import { loadMap } from "./load-map.js";

const mapParams = z.object({ id: idSchema });

const funnelRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/funnel",
  summary: "The map's funnel from the workspace's events (steps = the stages bound to events)",
  description:
    "Uses the map's funnel settings and the people row's targets; 400 with field `stages` when no stage is bound.",
  request: {
    params: mapParams,
    body: { required: false, content: { "application/json": { schema: mapFunnelRequestSchema } } },
  },
  responses: {
    200: json(mapFunnelAnswerSchema, "the funnel"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const pathsRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/paths",
  summary: "How people move between the map's bound stages, back and forth",
  request: {
    params: mapParams,
    body: {
      required: false,
      content: {
        "application/json": {
          schema: mapPathsRequestSchema,
        },
      },
    },
  },
  responses: {
    200: json(mapPathsAnswerSchema, "the paths"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const compareRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/compare",
  summary: "Conversion of each transition for people entering in period A vs period B",
  request: {
    params: mapParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: mapCompareRequestSchema,
        },
      },
    },
  },
  responses: {
    200: json(mapCompareAnswerSchema, "the comparison"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

/** The persona whose segment to count, from the map's own workspace. */
async function personaOf(store: Store, id: string | undefined, workspaceId: string): Promise<Persona | null> {
  if (id === undefined) return null;
  const found = await store.getPersona(id);
  if (found.workspaceId !== workspaceId) throw new NotFoundError(`persona ${id}`);
  return found.persona;
}

export function registerMapAnalyticsRoutes(app: App): void {
  app.openapi(funnelRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { map, workspaceId } = await loadMap(c.var.store, id, (w) => canViewEvents(c.var.actor, w));
    const body = c.req.valid("json");
    const persona = await personaOf(c.var.store, body.personaId, workspaceId);
    const { stageIds, query } = funnelQueryOfMap(map, { ...body, persona });
    const answer = await c.var.eventStores.use(workspaceId, async (events) => ({
      result: await events.engine().getFunnel(query),
      sources: await events.sourcesOf(funnelQuerySchema.parse(query).steps),
    }));
    const range = { from: body.from ?? null, to: body.to ?? null };
    return c.json({ stageIds, query, ...answer, range }, 200);
  });

  app.openapi(pathsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { map, workspaceId } = await loadMap(c.var.store, id, (w) => canViewEvents(c.var.actor, w));
    const body = c.req.valid("json");
    const persona = await personaOf(c.var.store, body.personaId, workspaceId);
    const { stageIds, query } = pathsQueryOfMap(map, { ...body, persona });
    const result = await c.var.eventStores.use(workspaceId, (events) => events.engine().getPaths(query));
    return c.json({ stageIds, result }, 200);
  });

  app.openapi(compareRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { map, workspaceId } = await loadMap(c.var.store, id, (w) => canViewEvents(c.var.actor, w));
    const { personaId: wanted, periodA, periodB } = c.req.valid("json");
    const persona = await personaOf(c.var.store, wanted, workspaceId);
    const { stageIds, query } = funnelQueryOfMap(map, { persona });
    const result = await c.var.eventStores.use(workspaceId, async (events) =>
      comparePeriods(events.engine(), { query, periodA, periodB, dataEnd: await events.lastEventTime() }),
    );
    return c.json({ stageIds, result }, 200);
  });
}
