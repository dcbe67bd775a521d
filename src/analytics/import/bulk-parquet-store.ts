import path from "node:path";
import type { EventStore, InsertResult } from "../event-store.js";
import type { BulkCsvRequest } from "./bulk-csv-store.js";
import type { ColumnMapping } from "./column-mapping.js";

/** A plain Parquet file a store may load in bulk, without passing every row through JS. */
export type BulkParquetRequest = Omit<BulkCsvRequest, "delimiter">;

/**
 * A store that can load a Parquet file itself (DuckDB's `read_parquet`). `undefined` means "not in
 * bulk": the file needs the JS reader (an uncommon layout, or a bad row whose exact `file:row:column`
 * only the JS reader reports), and nothing was stored.
 */
export interface BulkParquetStore {
  importParquetInBulk(request: BulkParquetRequest): Promise<InsertResult | undefined>;
}

/**
 * Imports the file in bulk when the store can and the file qualifies: an uncompressed `.parquet`,
 * atomic mode. Undefined: use the JS reader (nothing stored).
 */
export async function importParquetInBulk(
  store: EventStore,
  file: string,
  options: { mapping: ColumnMapping; source: string; preset?: string; skipInvalid: boolean },
): Promise<InsertResult | undefined> {
  if (!hasBulkParquet(store) || options.preset || options.skipInvalid) return undefined;
  const name = path.basename(file);
  if (path.extname(name).toLowerCase() !== ".parquet") return undefined;
  return store.importParquetInBulk({ file, name, source: options.source, mapping: options.mapping });
}

function hasBulkParquet(store: EventStore): store is EventStore & BulkParquetStore {
  return typeof (store as Partial<BulkParquetStore>).importParquetInBulk === "function";
}
