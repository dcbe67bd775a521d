import type { Command } from "commander";
import { withFreshIds } from "../../server/fresh-ids.js";
import { seedDemoWorkspace } from "../../store/seed-demo.js";
import type { Store, WorkspaceSummary } from "../../store/store.js";
import type { CliIo } from "../cli-io.js";
import { readMapFile } from "../read-map-source.js";
import { openConfiguredStore } from "../store-config.js";

/** `tropa import`: a map file (.json, .xlsx, .csv) into a workspace, as a new map with fresh ids. */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command("import")
    .description("import a map file (.json, .xlsx, .csv) into the store")
    .argument("<file>", "the map file")
    .option("-w, --workspace <id>", "workspace to import into (default: the first one)")
    .action(async (source: string, options: { workspace?: string }) => {
      // Parse before touching the store: a bad file must not create or change anything.
      const file = await readMapFile(source);
      const store = await openConfiguredStore();
      try {
        const workspace = await targetWorkspace(store, options.workspace);
        const { map, personas } = withFreshIds(file.map, file.personas);
        const stored = await store.createMap(workspace.id, map, personas);
        io.out(`Imported map ${stored.map.id} "${stored.map.title}" into workspace "${workspace.name}"\n`);
      } finally {
        await store.close();
      }
    });
}

async function targetWorkspace(store: Store, id: string | undefined): Promise<WorkspaceSummary> {
  if (id) return store.getWorkspace(id);
  await seedDemoWorkspace(store);
  const [first] = await store.listWorkspaces();
  if (!first) return store.createWorkspace("Workspace");
  return first;
}
