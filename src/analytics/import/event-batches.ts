import type { EventRecord } from "../event.js";

/** Events per yielded batch: large enough to amortise appends, small enough to keep memory flat. */
export const BATCH_SIZE = 5000;

/** Longest person, event or id the schema accepts (see ../event.ts). */
export const MAX_NAME_LENGTH = 512;

/** Collects events and hands them out in batches of about BATCH_SIZE. */
export class EventBatches {
  private batch: EventRecord[] = [];

  add(event: EventRecord): void {
    this.batch.push(event);
  }

  get full(): boolean {
    return this.batch.length >= BATCH_SIZE;
  }

  take(): EventRecord[] {
    const taken = this.batch;
    this.batch = [];
    return taken;
  }

  get size(): number {
    return this.batch.length;
  }
}
