import path from "node:path";
import type { EventStore, InsertResult } from "../event-store.js";
import type { ColumnMapping } from "./column-mapping.js";

/** A plain CSV/TSV file a store may load in bulk, without passing every row through JS. */
export type BulkCsvRequest = {
  /** Path on disk. */
  file: string;
  /** File name used in error locations (`name:line:column`). */
  name: string;
  source: string;
  mapping: ColumnMapping;
  /** Forced delimiter (`.tsv`); detected from the first lines otherwise. */
  delimiter?: string;
};

/**
 * A store that can load a plain CSV itself (DuckDB's `read_csv`). `undefined` means "not in bulk":
 * the file needs the JS reader (another encoding, an unusual time format, a bad row whose exact
 * `file:line:column` only the JS reader reports), and nothing was stored.
 */
export interface BulkCsvStore {
  importCsvInBulk(request: BulkCsvRequest): Promise<InsertResult | undefined>;
}

/**
 * Imports the file in bulk when the store can and the file qualifies: an uncompressed
 * `.csv`/`.txt`/`.tsv`/`.tab`, no preset, atomic mode. Undefined: use the JS reader (nothing stored).
 */
export async function importCsvInBulk(
  store: EventStore,
  file: string,
  options: { mapping: ColumnMapping; source: string; preset?: string; skipInvalid: boolean },
): Promise<InsertResult | undefined> {
  if (!hasBulkCsv(store) || options.preset || options.skipInvalid) return undefined;
  const name = path.basename(file);
  const ext = path.extname(name).toLowerCase();
  const tabs = ext === ".tsv" || ext === ".tab";
  if (!tabs && ext !== ".csv" && ext !== ".txt") return undefined;
  const request = { file, name, source: options.source, mapping: options.mapping };
  return store.importCsvInBulk(tabs ? { ...request, delimiter: "\t" } : request);
}

function hasBulkCsv(store: EventStore): store is EventStore & BulkCsvStore {
  return typeof (store as Partial<BulkCsvStore>).importCsvInBulk === "function";
}
