import type { Command } from "commander";
import { type ColumnMapping, parseMapping } from "../../analytics/import/column-mapping.js";
import { PRESETS, type Preset } from "../../analytics/import/read-event-file.js";
import { loadConfig } from "../../server/config.js";
import { withFreshIds } from "../../server/fresh-ids.js";
import { seedDemoWorkspace } from "../../store/seed-demo.js";
import type { Store, WorkspaceSummary } from "../../store/store.js";
import { checkPreset, PRESET_HELP } from "../check-preset.js";
import type { CliIo } from "../cli-io.js";
import { importFileKind } from "../import-file-kind.js";
import { readMapFile } from "../read-map-source.js";
import { openConfiguredStore } from "../store-config.js";
import { UsageError } from "../usage-error.js";

type ImportFlags = {
  workspace?: string;
  preset?: string;
  map?: string;
  skipInvalid?: boolean;
  rejected?: string;
};

const HELP = `
Each FILE is a Tropa map or an event file, decided by content:
  a .json with "format": "tropa.map", an .xlsx with a "Map" sheet, or a .csv whose
  header starts with "lane" (or "дорожка") is a map (what tropa export writes): it becomes a new map.
  Any other file holds events and goes into the workspace's event store,
  <DATA_DIR>/events/<workspace id>/events.duckdb (stop a running server first, or upload
  through it: the server holds that file open):
  .csv/.tsv (delimiter , ; or tab and UTF-8 or Windows-1251 detected; header row with
  person, time, event[, id] columns, others become properties), .ndjson/.jsonl/.json
  (one object per line), .parquet, .xlsx (first sheet, header row), .xes (also .gz, .zip).
Event files are atomic: one bad row and nothing is imported, with file:line:column
reasons; --skip-invalid imports the valid rows and writes the rejected ones (NDJSON)
to --rejected OUT (default <file>.rejected.ndjson). Re-importing a file adds nothing.
${PRESET_HELP}`;

/** `tropa import`: map files into a workspace (fresh ids), event files into the event store. */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command("import")
    .description(
      "import map files (.json, .xlsx, .csv) or event files (.csv, .tsv, .ndjson, .parquet, .xlsx, .xes[.gz|.zip])",
    )
    .argument("<files...>", "map or event files")
    .option("-w, --workspace <id>", "workspace to import maps and events into (default: the first one)")
    .option("--preset <name>", `read event files as a known export (${PRESETS.join(", ")})`)
    .option("--map <mapping>", "event columns: person=COL,time=COL,event=COL[,id=COL]")
    .option("--skip-invalid", "import the valid rows of an event file and write the rejected ones to a file")
    .option("--rejected <file>", "where --skip-invalid writes rejected rows (NDJSON)")
    .addHelpText("after", HELP)
    .action(async (files: string[], flags: ImportFlags) => {
      const preset = checkPreset(flags.preset);
      if (flags.rejected && !flags.skipInvalid) throw new UsageError("--rejected needs --skip-invalid");
      const mapping = parseMapping(flags.map);
      if (flags.rejected && files.length > 1) {
        throw new UsageError("--rejected names one file; import one event file at a time with it");
      }
      for (const file of files) {
        if ((await importFileKind(file)) === "map") {
          await importMap(file, flags.workspace, io);
          continue;
        }
        await importEventFile(file, flags.workspace, { mapping, preset, flags }, io);
      }
    });
}

async function importEventFile(
  file: string,
  workspaceId: string | undefined,
  options: { mapping: ColumnMapping; preset: Preset | undefined; flags: ImportFlags },
  io: CliIo,
): Promise<void> {
  const store = await openConfiguredStore();
  let workspace: WorkspaceSummary;
  try {
    workspace = await targetWorkspace(store, workspaceId);
  } finally {
    await store.close();
  }
  // Loaded on demand: DuckDB's native module would slow every other command's start.
  const { WorkspaceEventStores } = await import("../../analytics/workspace-event-stores.js");
  const { importEvents } = await import("../import-events.js");
  const { dataDir, clickhouseUrl } = loadConfig(process.env);
  const eventStores = new WorkspaceEventStores(dataDir, { clickhouseUrl });
  try {
    await eventStores.use(workspace.id, (events) =>
      importEvents(
        events,
        file,
        {
          mapping: options.mapping,
          preset: options.preset,
          skipInvalid: options.flags.skipInvalid ?? false,
          rejected: options.flags.rejected,
          tty: process.stderr.isTTY === true,
        },
        io,
      ),
    );
  } finally {
    await eventStores.close();
  }
}

async function importMap(source: string, workspaceId: string | undefined, io: CliIo): Promise<void> {
  // Parse before touching the store: a bad file must not create or change anything.
  const file = await readMapFile(source);
  const store = await openConfiguredStore();
  try {
    const workspace = await targetWorkspace(store, workspaceId);
    const { map, personas } = withFreshIds(file.map, file.personas);
    const stored = await store.createMap(workspace.id, map, personas);
    io.out(`Imported map ${stored.map.id} "${stored.map.title}" into workspace "${workspace.name}"\n`);
  } finally {
    await store.close();
  }
}

async function targetWorkspace(store: Store, id: string | undefined): Promise<WorkspaceSummary> {
  if (id) return store.getWorkspace(id);
  await seedDemoWorkspace(store);
  const [first] = await store.listWorkspaces();
  if (!first) return store.createWorkspace("Workspace");
  return first;
}
