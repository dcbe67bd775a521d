import type { ImportProgress } from "../analytics/import/import-event-file.js";

/** Plain (non-TTY) progress lines at most this often, so logs stay short. */
const PLAIN_INTERVAL_MS = 2000;

/**
 * Import progress on stderr: rewritten in place on a terminal, an occasional plain line otherwise.
 * @example const line = new ProgressLine("log.xes.gz", process.stderr.isTTY); line.update(p); line.done();
 */
export class ProgressLine {
  private lastPlain = 0;
  private shown = false;

  constructor(
    private readonly name: string,
    private readonly tty: boolean,
    private readonly write: (text: string) => void,
  ) {}

  update(progress: ImportProgress): void {
    if (this.tty) {
      this.write(`\r\x1b[K${this.describe(progress)}`);
      this.shown = true;
    } else if (progress.elapsedMs - this.lastPlain >= PLAIN_INTERVAL_MS) {
      this.lastPlain = progress.elapsedMs;
      this.write(`${this.describe(progress)}\n`);
    }
  }

  /** Clears the in-place line so the summary starts on a clean line. */
  done(): void {
    if (this.tty && this.shown) this.write("\r\x1b[K");
  }

  private describe({ bytesRead, totalBytes, events, elapsedMs }: ImportProgress): string {
    const percent = totalBytes > 0 ? Math.min(100, Math.floor((bytesRead / totalBytes) * 100)) : 0;
    const rate = elapsedMs > 0 ? Math.round((events / elapsedMs) * 1000) : 0;
    return `${this.name}: ${megabytes(bytesRead)}/${megabytes(totalBytes)} MB (${percent}%), ${events.toLocaleString("en")} events, ${rate.toLocaleString("en")} events/s`;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
