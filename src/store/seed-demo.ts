import { LANGS } from "../domain/journey-map.js";
import { createMapFromTemplate, listTemplates } from "../domain/templates/index.js";
import type { Store } from "./store.js";

export const DEMO_WORKSPACE_NAME = "Demo workspace";

/**
 * Gives a fresh install something to look at: a workspace holding every example template in every language.
 * Runs only on an empty store, so a user who deleted the demo maps does not get them back on restart.
 * @returns the id of the workspace it created, or null when the store already had one
 */
export async function seedDemoWorkspace(store: Store): Promise<string | null> {
  const workspaces = await store.listWorkspaces();
  if (workspaces.length > 0) return null;
  const workspace = await store.createWorkspace(DEMO_WORKSPACE_NAME);
  const examples = listTemplates().filter((template) => template.kind === "example");
  for (const template of examples) {
    for (const lang of LANGS) {
      const { map, personas } = createMapFromTemplate(template.id, lang);
      await store.createMap(workspace.id, map, personas);
    }
  }
  return workspace.id;
}
