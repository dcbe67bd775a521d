/**
 * Runs `save` once edits pause for `idleMs`, and at least every `maxWaitMs` while they keep coming,
 * so a long typing session is still saved regularly.
 */
export class SaveSchedule {
  private idleTimer: NodeJS.Timeout | undefined;
  private maxTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly save: () => void,
    private readonly idleMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** An edit happened. */
  touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.fire(), this.idleMs);
    this.maxTimer ??= setTimeout(() => this.fire(), this.maxWaitMs);
  }

  cancel(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.maxTimer);
    this.idleTimer = undefined;
    this.maxTimer = undefined;
  }

  private fire(): void {
    this.cancel();
    this.save();
  }
}
