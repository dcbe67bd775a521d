import { createRoute, z } from "@hono/zod-openapi";
import { newId } from "../../domain/ids.js";
import { idSchema } from "../../domain/journey-map.js";
import { personaSchema } from "../../domain/persona.js";
import type { Store } from "../../store/store.js";
import { recordActivity } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { canEditWorkspace, canViewWorkspace, requireAllowed } from "../policy.js";
import { jsonBody } from "./json-content.js";

const workspaceParams = z.object({ wid: idSchema });
const personaParams = z.object({ id: idSchema });
const personaContent = { "application/json": { schema: personaSchema } };
/** A new persona's id is chosen by the server; one sent along is ignored. */
const newPersonaSchema = personaSchema.extend({ id: idSchema.optional() });

const listPersonasRoute = createRoute({
  method: "get",
  path: "/api/workspaces/{wid}/personas",
  summary: "Personas of a workspace",
  request: { params: workspaceParams },
  responses: {
    200: { description: "personas", content: { "application/json": { schema: z.array(personaSchema) } } },
    404: errorResponses[404],
  },
});

const createPersonaRoute = createRoute({
  method: "post",
  path: "/api/workspaces/{wid}/personas",
  summary: "Create a persona (the server assigns its id)",
  request: {
    params: workspaceParams,
    body: jsonBody(newPersonaSchema),
  },
  responses: {
    201: { description: "the new persona", content: personaContent },
    400: errorResponses[400],
    404: errorResponses[404],
    422: errorResponses[422],
  },
});

const getPersonaRoute = createRoute({
  method: "get",
  path: "/api/personas/{id}",
  summary: "One persona",
  request: { params: personaParams },
  responses: { 200: { description: "the persona", content: personaContent }, 404: errorResponses[404] },
});

const updatePersonaRoute = createRoute({
  method: "put",
  path: "/api/personas/{id}",
  summary: "Replace a persona (the whole persona; the path decides the id)",
  request: { params: personaParams, body: { required: true, content: personaContent } },
  responses: {
    200: { description: "the saved persona", content: personaContent },
    400: errorResponses[400],
    404: errorResponses[404],
    422: errorResponses[422],
  },
});

const deletePersonaRoute = createRoute({
  method: "delete",
  path: "/api/personas/{id}",
  summary: "Delete a persona (maps keep their persona ids; the UI skips unknown ones)",
  request: { params: personaParams },
  responses: { 204: { description: "deleted" }, 404: errorResponses[404] },
});

async function loadPersona(store: Store, id: string, allowed: (workspaceId: string) => boolean) {
  const found = await store.getPersona(id);
  requireAllowed(allowed(found.workspaceId));
  return found;
}

export function registerPersonaRoutes(app: App): void {
  app.openapi(listPersonasRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canViewWorkspace(c.var.actor, wid));
    return c.json(await c.var.store.listPersonas(wid), 200);
  });

  app.openapi(createPersonaRoute, async (c) => {
    const { wid } = c.req.valid("param");
    requireAllowed(canEditWorkspace(c.var.actor, wid));
    const saved = await c.var.store.savePersona(wid, { ...c.req.valid("json"), id: newId() });
    await recordActivity(c, "persona.saved", { workspaceId: wid }, { name: saved.name });
    return c.json(saved, 201);
  });

  app.openapi(getPersonaRoute, async (c) => {
    const { persona } = await loadPersona(c.var.store, c.req.valid("param").id, (w) =>
      canViewWorkspace(c.var.actor, w),
    );
    return c.json(persona, 200);
  });

  app.openapi(updatePersonaRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { workspaceId } = await loadPersona(c.var.store, id, (w) => canEditWorkspace(c.var.actor, w));
    const saved = await c.var.store.savePersona(workspaceId, { ...c.req.valid("json"), id });
    await recordActivity(c, "persona.saved", { workspaceId }, { name: saved.name });
    return c.json(saved, 200);
  });

  app.openapi(deletePersonaRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { persona, workspaceId } = await loadPersona(c.var.store, id, (w) =>
      canEditWorkspace(c.var.actor, w),
    );
    await c.var.store.deletePersona(id);
    await recordActivity(c, "persona.deleted", { workspaceId }, { name: persona.name });
    return c.body(null, 204);
  });
}
