import { rm } from "node:fs/promises";
import path from "node:path";
import type { ColumnMapping } from "../analytics/import/column-mapping.js";
import { importEventFile } from "../analytics/import/import-event-file.js";
import { EventImportError } from "../analytics/import/row-problems.js";
import type { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import type { ImportPreset, ImportProblem } from "../domain/analytics/event-import.js";
import type { ImportJob } from "../domain/analytics/import-job.js";
import { NotFoundError, TropaError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";

export type { ImportJob, ImportProblem };

export type ImportJobOptions = {
  filename: string;
  mapping: ColumnMapping;
  preset?: ImportPreset;
  skipInvalid: boolean;
  totalBytes: number;
  /** Called with the finished job's counts before it reads as done (the activity log records it). */
  onDone?: (job: ImportJob) => Promise<void>;
};

/** Enough rejected rows to see the pattern; the counts say how many there were in all. */
const MAX_LISTED_ERRORS = 100;
/** Finished jobs kept per workspace; the oldest are forgotten first. */
const MAX_KEPT_JOBS = 50;

/**
 * Imports of uploaded event files, run one after another per workspace (the event store queues them),
 * kept in memory with their progress and final summary. A restart forgets them; the events stay.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob[]>();

  constructor(private readonly eventStores: WorkspaceEventStores) {}

  /**
   * Starts importing `file` (an uploaded copy in its own temp folder, removed when the import ends)
   * and returns the job at once.
   */
  start(workspaceId: string, file: string, options: ImportJobOptions): ImportJob {
    const job: ImportJob = {
      id: newId(),
      filename: options.filename,
      state: "running",
      bytesRead: 0,
      totalBytes: options.totalBytes,
      events: 0,
      inserted: 0,
      duplicates: 0,
      rejected: 0,
      errors: [],
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    this.remember(workspaceId, job);
    // The store queues the import behind other work on the workspace; shutdown waits for that queue.
    void this.run(workspaceId, file, job, options).finally(() =>
      rm(path.dirname(file), { recursive: true, force: true }),
    );
    return { ...job };
  }

  /** The workspace's imports, newest first. */
  list(workspaceId: string): ImportJob[] {
    return (this.jobs.get(workspaceId) ?? []).map((job) => ({ ...job, errors: [...job.errors] }));
  }

  get(workspaceId: string, id: string): ImportJob {
    const job = this.jobs.get(workspaceId)?.find((candidate) => candidate.id === id);
    if (!job) throw new NotFoundError(`import ${id}`);
    return { ...job, errors: [...job.errors] };
  }

  private remember(workspaceId: string, job: ImportJob): void {
    const jobs = [job, ...(this.jobs.get(workspaceId) ?? [])];
    const running = jobs.filter((candidate) => candidate.state === "running");
    const finished = jobs.filter((candidate) => candidate.state !== "running").slice(0, MAX_KEPT_JOBS);
    this.jobs.set(
      workspaceId,
      [...running, ...finished].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
    );
  }

  private async run(workspaceId: string, file: string, job: ImportJob, options: ImportJobOptions) {
    try {
      const summary = await this.eventStores.use(workspaceId, (store) =>
        importEventFile(store, file, {
          mapping: options.mapping,
          preset: options.preset,
          skipInvalid: options.skipInvalid,
          source: options.filename,
          onReject: (problem) => addError(job, problem),
          onProgress: (progress) => {
            job.bytesRead = progress.bytesRead;
            job.totalBytes = progress.totalBytes;
            job.events = progress.events;
          },
        }),
      );
      job.inserted = summary.inserted;
      job.duplicates = summary.duplicates;
      job.rejected = summary.rejected;
      await options.onDone?.({ ...job });
      job.state = "done";
    } catch (error) {
      job.state = "failed";
      for (const problem of problemsOf(error, options.filename)) addError(job, problem);
      if (!(error instanceof TropaError)) {
        console.error(`[tropa] import ${job.id} of ${options.filename} failed:`, error);
      }
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }
}

function addError(job: ImportJob, problem: ImportProblem): void {
  if (job.errors.length < MAX_LISTED_ERRORS) {
    job.errors.push({ location: problem.location, reason: problem.reason });
  }
}

/** Bad rows are listed one by one; any other failure is one problem naming the file. */
function problemsOf(error: unknown, filename: string): ImportProblem[] {
  if (error instanceof EventImportError) return error.problems;
  if (error instanceof TropaError) return [{ location: error.location ?? filename, reason: error.message }];
  return [
    { location: filename, reason: "the import stopped on an unexpected error; the server log has details" },
  ];
}
