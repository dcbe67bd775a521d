import { stat } from "node:fs/promises";
import path from "node:path";
import type { EventRecord } from "../event.js";
import type { EventStore } from "../event-store.js";
import { importCsvInBulk } from "./bulk-csv-store.js";
import { importParquetInBulk } from "./bulk-parquet-store.js";
import type { ColumnMapping } from "./column-mapping.js";
import { openByteSource } from "./open-byte-source.js";
import { type Preset, readEventFile } from "./read-event-file.js";
import { type RowProblem, RowProblems } from "./row-problems.js";

export type ImportProgress = { bytesRead: number; totalBytes: number; events: number; elapsedMs: number };

export type ImportOptions = {
  mapping: ColumnMapping;
  preset?: Preset;
  skipInvalid: boolean;
  /** Where skipped rows go (only with skipInvalid). */
  onReject?: (problem: RowProblem) => void;
  onProgress?: (progress: ImportProgress) => void;
  /** Defaults to the file's name, so re-importing the file dedupes against itself. */
  source?: string;
};

export type ImportSummary = { inserted: number; duplicates: number; rejected: number; elapsedMs: number };

/**
 * Imports one event file into the store in one transaction: all of it, or (atomic, the default)
 * nothing when any row is bad. Throws EventImportError listing `file:line:column: reason`.
 */
export async function importEventFile(
  store: EventStore,
  file: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const name = path.basename(file);
  const source = options.source ?? name;
  const bulk =
    (await importCsvInBulk(store, file, { ...options, source })) ??
    (await importParquetInBulk(store, file, { ...options, source }));
  if (bulk) {
    const totalBytes = (await stat(file)).size;
    const events = bulk.inserted + bulk.duplicates;
    options.onProgress?.({ bytesRead: totalBytes, totalBytes, events, elapsedMs: Date.now() - started });
    return { ...bulk, rejected: 0, elapsedMs: Date.now() - started };
  }
  const bytes = await openByteSource(file);
  const problems = new RowProblems(name, { skipInvalid: options.skipInvalid, onReject: options.onReject });
  const batches = readEventFile(bytes, {
    file: name,
    source,
    mapping: options.mapping,
    problems,
    preset: options.preset,
  });
  let events = 0;
  const progress = (): ImportProgress => ({
    bytesRead: bytes.bytesRead(),
    totalBytes: bytes.totalBytes,
    events,
    elapsedMs: Date.now() - started,
  });
  async function* counted(): AsyncGenerator<EventRecord[]> {
    for await (const batch of batches) {
      events += batch.length;
      options.onProgress?.(progress());
      yield batch;
    }
  }
  const result = await store.insertEvents(counted(), { source });
  options.onProgress?.(progress());
  return { ...result, rejected: problems.rejected, elapsedMs: Date.now() - started };
}
