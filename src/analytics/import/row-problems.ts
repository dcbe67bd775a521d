import { ImportError } from "../../domain/errors.js";

/** A row that could not become an event: where (`file:line:column`), why, and the row as read. */
export type RowProblem = { location: string; reason: string; row: unknown };

/** How many problems an atomic import lists before it gives up reading the file. */
export const MAX_LISTED_PROBLEMS = 10;

/** An atomic import met bad rows: nothing was stored; `problems` lists the first ones. */
export class EventImportError extends ImportError {
  readonly problems: RowProblem[];
  constructor(problems: RowProblem[], more: boolean) {
    const lines = problems.map((p) => `${p.location}: ${p.reason}`);
    if (more) lines.push(`… and more; the first ${problems.length} are listed`);
    lines.push("nothing was imported; fix these rows or use --skip-invalid to import the valid ones");
    super(lines.join("\n"));
    this.problems = problems;
  }
}

/**
 * Collects bad rows for one file. Atomic (the default): the read fails after the file, or at once
 * after MAX_LISTED_PROBLEMS, so the store's transaction rolls back. Skipping: each bad row goes to
 * `onReject` and the read goes on.
 */
export class RowProblems {
  private readonly listed: RowProblem[] = [];
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly policy: { skipInvalid: boolean; onReject?: (problem: RowProblem) => void },
  ) {}

  get rejected(): number {
    return this.count;
  }

  /** True when the import has already failed, so readers stop building events. */
  get failed(): boolean {
    return !this.policy.skipInvalid && this.count > 0;
  }

  report(line: number, column: number, reason: string, row: unknown): void {
    const problem = { location: `${this.file}:${line}:${column}`, reason, row };
    this.count += 1;
    if (this.policy.skipInvalid) {
      this.policy.onReject?.(problem);
      return;
    }
    this.listed.push(problem);
    if (this.listed.length >= MAX_LISTED_PROBLEMS) throw new EventImportError(this.listed, true);
  }

  /** Called once the whole file was read. */
  finish(): void {
    if (this.failed) throw new EventImportError(this.listed, false);
  }
}
