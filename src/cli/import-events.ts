import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { EventStore } from "../analytics/event-store.js";
import type { ColumnMapping } from "../analytics/import/column-mapping.js";
import { importEventFile } from "../analytics/import/import-event-file.js";
import type { Preset } from "../analytics/import/read-event-file.js";
import type { RowProblem } from "../analytics/import/row-problems.js";
import type { CliIo } from "./cli-io.js";
import { ProgressLine } from "./progress-line.js";

export type EventImportFlags = {
  mapping: ColumnMapping;
  preset?: Preset;
  skipInvalid: boolean;
  /** Where rejected rows go; defaults to `<file name>.rejected.ndjson` in the current directory. */
  rejected?: string;
  tty: boolean;
};

/** Imports one event file with progress on stderr and a one-line summary on stdout. */
export async function importEvents(
  store: EventStore,
  file: string,
  flags: EventImportFlags,
  io: CliIo,
): Promise<void> {
  const name = path.basename(file);
  const progress = new ProgressLine(name, flags.tty, io.err);
  const rejects = new RejectedFile(flags.rejected ?? `${name}.rejected.ndjson`);
  try {
    const summary = await importEventFile(store, file, {
      mapping: flags.mapping,
      preset: flags.preset,
      skipInvalid: flags.skipInvalid,
      onReject: (problem) => rejects.write(problem),
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    const total = summary.inserted + summary.duplicates;
    const rate = Math.round((total / Math.max(1, summary.elapsedMs)) * 1000);
    io.out(
      `Imported ${summary.inserted} events from ${name} (${summary.duplicates} already stored, ${summary.rejected} rejected) in ${(summary.elapsedMs / 1000).toFixed(1)} s, ${rate} events/s\n`,
    );
    if (summary.rejected > 0) io.out(`Rejected rows and their reasons: ${rejects.path}\n`);
  } finally {
    progress.done();
    await rejects.close();
  }
}

/** NDJSON of rejected rows (`location`, `reason`, `row`), created only when a row is rejected. */
class RejectedFile {
  private stream: WriteStream | undefined;
  constructor(readonly path: string) {}

  write(problem: RowProblem): void {
    this.stream ??= createWriteStream(this.path);
    this.stream.write(`${JSON.stringify(problem)}\n`);
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    await finished(this.stream);
  }
}
