import { createRoute, z } from "@hono/zod-openapi";
import { idSchema } from "../../domain/journey-map.js";
import { listTemplates } from "../../domain/templates/index.js";
import type { Store, WorkspaceTemplate } from "../../store/store.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import type { Actor } from "../policy.js";
import { canViewWorkspace, requireAllowed } from "../policy.js";

const localTextSchema = z.object({ ru: z.string(), en: z.string() });
const templateSchema = z.object({
  id: z.string(),
  source: z.enum(["built-in", "workspace"]),
  kind: z.enum(["model", "example", "workspace"]),
  name: localTextSchema,
  description: localTextSchema,
  stageCount: z.number().int(),
  workspaceId: z.string().nullable(),
});
type TemplateView = z.infer<typeof templateSchema>;

const listTemplatesRoute = createRoute({
  method: "get",
  path: "/api/templates",
  summary: "Built-in templates, then workspace templates (of `workspaceId`, or of every visible workspace)",
  request: { query: z.object({ workspaceId: idSchema.optional() }) },
  responses: {
    200: { description: "templates", content: { "application/json": { schema: z.array(templateSchema) } } },
    404: errorResponses[404],
  },
});

function presentWorkspaceTemplate(template: WorkspaceTemplate): TemplateView {
  return {
    id: template.id,
    source: "workspace",
    kind: "workspace",
    // A workspace template is named once, by its author, in whatever language they use.
    name: { ru: template.name, en: template.name },
    description: { ru: template.map.description, en: template.map.description },
    stageCount: template.map.stages.length,
    workspaceId: template.workspaceId,
  };
}

async function workspaceTemplates(store: Store, actor: Actor, workspaceId: string | undefined) {
  const ids = workspaceId ? [workspaceId] : (await store.listWorkspaces()).map((w) => w.id);
  const templates: TemplateView[] = [];
  for (const id of ids) {
    if (workspaceId) requireAllowed(canViewWorkspace(actor, id));
    else if (!canViewWorkspace(actor, id)) continue;
    templates.push(...(await store.listWorkspaceTemplates(id)).map(presentWorkspaceTemplate));
  }
  return templates;
}

export function registerTemplateRoutes(app: App): void {
  app.openapi(listTemplatesRoute, async (c) => {
    const builtIn: TemplateView[] = listTemplates().map((t) => ({
      id: t.id,
      source: "built-in",
      kind: t.kind,
      name: t.name,
      description: t.description,
      stageCount: t.stageCount,
      workspaceId: null,
    }));
    const own = await workspaceTemplates(c.var.store, c.var.actor, c.req.valid("query").workspaceId);
    return c.json([...builtIn, ...own], 200);
  });
}
