import { jsonEqual } from "../../domain/live/json-equal.js";

export interface StoredMap {
  map: unknown;
  revision: number;
}

/**
 * Whether the server has stored this user's edits. The live server saves the document as a revision
 * every few seconds, so an edit counts as saved when the stored map is what this user sees, or, while
 * others keep editing (the two rarely match then), once the server stored a newer revision than the one
 * it had when the check began: that save started after the edit had reached it.
 */
export function isStored(stored: StoredMap, local: unknown, revisionAtStart: number): boolean {
  return stored.revision > revisionAtStart || jsonEqual(stored.map, local);
}

interface Options {
  fetchStored: () => Promise<StoredMap>;
  /** The map as this user sees it now. */
  local: () => unknown;
  /** True while the edits can be on their way: connected, synced, nothing left in the socket's buffer. */
  delivered: () => boolean;
  onChange: (pending: boolean) => void;
  onRevision: (revision: number) => void;
  intervalMs?: number;
}

/** Watches the stored map after local edits until they are stored; see `isStored`. */
export class SaveConfirmation {
  private pending = false;
  private editsSinceCheck = 0;
  private running = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: Options) {}

  get isPending(): boolean {
    return this.pending;
  }

  /** A local edit went into the document. */
  noteEdit(): void {
    this.editsSinceCheck++;
    this.setPending(true);
    if (!this.running) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.running = true;
    this.timer = setTimeout(() => void this.check(), this.options.intervalMs ?? 700);
  }

  private async check(): Promise<void> {
    if (!this.options.delivered()) return this.schedule();
    this.editsSinceCheck = 0;
    let revisionAtStart = Number.POSITIVE_INFINITY;
    try {
      while (!this.stopped) {
        const stored = await this.options.fetchStored();
        this.options.onRevision(stored.revision);
        if (this.editsSinceCheck > 0) break;
        if (isStored(stored, this.options.local(), revisionAtStart)) {
          this.setPending(false);
          this.running = false;
          return;
        }
        revisionAtStart = Math.min(revisionAtStart, stored.revision);
        await this.wait();
        if (!this.options.delivered()) break;
      }
    } catch {
      // A failed request (offline, server restarting) is retried; the link state tells the user why.
    }
    this.schedule();
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => {
      this.timer = setTimeout(resolve, this.options.intervalMs ?? 700);
    });
  }

  private setPending(pending: boolean): void {
    if (this.pending === pending) return;
    this.pending = pending;
    this.options.onChange(pending);
  }
}
