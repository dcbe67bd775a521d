import { createRoute, z } from "@hono/zod-openapi";
import { comparePeriods } from "../../analytics/compare-periods.js";
import { periodComparisonSchema, periodSchema } from "../../domain/analytics/compare-query.js";
import {
  FUNNEL_INTERVALS,
  funnelBreakdownSchema,
  funnelResultSchema,
} from "../../domain/analytics/funnel-query.js";
import { MAX_TOP, PATH_UNITS, pathsResultSchema } from "../../domain/analytics/paths-query.js";
import { NotFoundError } from "../../domain/errors.js";
import { idSchema } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import type { Store } from "../../store/store.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { funnelQueryOfMap, pathsQueryOfMap } from "../map-queries.js";
import { canViewEvents } from "../policy.js";
import { loadMap } from "./load-map.js";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const mapParams = z.object({ id: idSchema });
const personaId = idSchema
  .optional()
  .meta({ description: "count only people in this persona's segment (its segmentRule)" });
const stageIds = z
  .array(z.string())
  .meta({ description: "the bound stages, in order: step i is stageIds[i]" });

const funnelBody = z.object({
  personaId,
  from: z.number().int().optional().meta({ description: "entry range start, epoch ms UTC, inclusive" }),
  to: z.number().int().optional().meta({ description: "entry range end, epoch ms UTC, exclusive" }),
  breakdown: funnelBreakdownSchema.optional(),
  interval: z.enum(FUNNEL_INTERVALS).optional(),
});

const funnelRoute = createRoute({
  method: "post",
  path: "/api/maps/{id}/funnel",
  summary: "The map's funnel from the workspace's events (steps = the stages bound to events)",
  description:
    "Uses the map's funnel settings and the people row's targets; 400 with field `stages` when no stage is bound.",
  request: {
    params: mapParams,
    body: { required: false, content: { "application/json": { schema: funnelBody } } },
  },
  responses: {
    200: json(
      z.object({
        stageIds,
        query: z.record(z.string(), z.unknown()).meta({ description: "the funnel query that ran" }),
        result: funnelResultSchema,
        sources: z
          .array(z.string())
          .meta({ description: "the event sources (imports, capture) in the data" }),
        range: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
      }),
      "the funnel",
    ),
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
          schema: z.object({
            personaId,
            top: z.number().int().min(1).max(MAX_TOP).optional(),
            unit: z.enum(PATH_UNITS).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ stageIds, result: pathsResultSchema }), "the paths"),
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
          schema: z.object({ personaId, periodA: periodSchema, periodB: periodSchema }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ stageIds, result: periodComparisonSchema }), "the comparison"),
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
    const body = c.req.valid("json");
    const { map, workspaceId } = await loadMap(c.var.store, id, (w) => canViewEvents(c.var.actor, w));
    const persona = await personaOf(c.var.store, body.personaId, workspaceId);
    const { stageIds, query } = funnelQueryOfMap(map, { ...body, persona });
    const answer = await c.var.eventStores.use(workspaceId, async (events) => ({
      result: await events.engine().getFunnel(query),
      sources: (await events.summary()).sources.map((source) => source.source),
    }));
    const range = { from: body.from ?? null, to: body.to ?? null };
    return c.json({ stageIds, query, ...answer, range }, 200);
  });

  app.openapi(pathsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { map, workspaceId } = await loadMap(c.var.store, id, (w) => canViewEvents(c.var.actor, w));
    const persona = await personaOf(c.var.store, body.personaId, workspaceId);
    const { stageIds, query } = pathsQueryOfMap(map, { ...body, persona });
    const result = await c.var.eventStores.use(workspaceId, (events) => events.engine().getPaths(query));
    return c.json({ stageIds, result }, 200);
  });

  app.openapi(compareRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { personaId: wanted, periodA, periodB } = c.req.valid("json");
    const { map, workspaceId } = await loadMap(c.var.store, id, (w) => canViewEvents(c.var.actor, w));
    const persona = await personaOf(c.var.store, wanted, workspaceId);
    const { stageIds, query } = funnelQueryOfMap(map, { persona });
    const result = await c.var.eventStores.use(workspaceId, async (events) =>
      comparePeriods(events.engine(), { query, periodA, periodB, dataEnd: await events.lastEventTime() }),
    );
    return c.json({ stageIds, result }, 200);
  });
}
