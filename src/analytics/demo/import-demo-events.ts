import { fileURLToPath } from "node:url";
import type { EventStore } from "../event-store.js";
import { DEFAULT_MAPPING } from "../import/column-mapping.js";
import { type ImportSummary, importEventFile } from "../import/import-event-file.js";

/** BPI Challenge 2012 loan applications, completed events only (README.md here: source, licence). */
export const DEMO_EVENTS_FILE = fileURLToPath(new URL("./bpic2012-applications.csv.gz", import.meta.url));
/** The source name the demo events carry in the store, and in the map's "from data" notes. */
export const DEMO_SOURCE = "BPIC 2012 (demo)";

/**
 * Imports the demo events (164,506 events of 13,087 loan applications) with the normal importer.
 * Safe to call again: the events are deduped, so a second call inserts nothing.
 * Bind a map to them with the "example-loan-application" template.
 */
export function importDemoEvents(store: EventStore): Promise<ImportSummary> {
  return importEventFile(store, DEMO_EVENTS_FILE, {
    mapping: DEFAULT_MAPPING,
    skipInvalid: false,
    source: DEMO_SOURCE,
  });
}
