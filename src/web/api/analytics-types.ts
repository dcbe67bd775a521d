import type { ImportColumns, ImportPreset } from "../../domain/analytics/event-import.js";

/*
 * The analytics HTTP API's shapes come from the domain schemas (src/domain/analytics), as the server's
 * route definitions do; only what the web alone needs is declared here.
 */

/** How the data panel asks for an import or its preview (sent as query parameters). */
export interface ImportOptions {
  preset?: ImportPreset;
  mapping?: ImportColumns;
  skipInvalid?: boolean;
}
