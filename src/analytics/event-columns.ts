import { orderKey } from "./event-order.js";

const INITIAL_CAPACITY = 64;
/** Up to this many events, insertion sort beats building and sorting an index. */
const INSERTION_SORT_MAX = 32;

/**
 * One person's events as columns (typed arrays reused from person to person, so millions of
 * people cost no allocation each): time in epoch ms, the steps matched as a bitmask (bit k: step
 * k+1), the exclusions matched as a bitmask (bit i: exclusion i+1), and `origin`, the event's index
 * as the engine delivered it (to fetch a property or name later without copying every value).
 */
export class EventColumns {
  length = 0;
  times = new Float64Array(INITIAL_CAPACITY);
  steps = new Uint32Array(INITIAL_CAPACITY);
  exclusions = new Uint32Array(INITIAL_CAPACITY);
  origins = new Uint32Array(INITIAL_CAPACITY);
  private readonly keys = new OrderKeys();
  private order: number[] = [];
  private scratchTimes = new Float64Array(0);
  private scratchCodes = new Uint32Array(0);

  clear(): void {
    this.length = 0;
  }

  /** `origin` defaults to the event's index in this list. */
  push(time: number, steps: number, exclusions: number, origin?: number): void {
    if (this.length === this.times.length) this.grow();
    const i = this.length++;
    this.times[i] = time;
    this.steps[i] = steps;
    this.exclusions[i] = exclusions;
    this.origins[i] = origin ?? i;
  }

  /**
   * Puts the events in the agreed event order (docs/analytics.md "Event order"): by time, then by
   * the order key. Engines hand events over mostly in order (a few sorted runs, or in time order
   * with ties in any order), so the check comes first; short lists, and lists whose only disorder
   * is among equal times (each event moves within its tie), are insertion-sorted in place, other
   * long ones through an index sort (TimSort merges the runs) and scratch columns, so nothing is
   * allocated per person.
   */
  sortIntoEventOrder(): void {
    const disorder = this.disorder();
    if (disorder === "none") return;
    if (disorder === "ties" || this.length <= INSERTION_SORT_MAX) this.insertionSort();
    else this.indexSort();
  }

  /** "times" when an event comes before an earlier one, else "ties" when equal times are out of key order. */
  private disorder(): "none" | "ties" | "times" {
    const times = this.times;
    let disorder: "none" | "ties" = "none";
    for (let i = 1; i < this.length; i++) {
      const before = times[i - 1] as number;
      const time = times[i] as number;
      if (before > time) return "times";
      if (disorder === "none" && before === time && this.compareKeys(i - 1, i) > 0) disorder = "ties";
    }
    return disorder;
  }

  private compare(a: number, b: number): number {
    const byTime = (this.times[a] as number) - (this.times[b] as number);
    return byTime !== 0 ? byTime : this.compareKeys(a, b);
  }

  private compareKeys(a: number, b: number): number {
    const keyA = this.keys.of(this.steps[a] as number, this.exclusions[a] as number);
    const keyB = this.keys.of(this.steps[b] as number, this.exclusions[b] as number);
    if (keyA === keyB) return 0;
    return keyA < keyB ? -1 : 1;
  }

  private insertionSort(): void {
    const { times, steps, exclusions, origins } = this;
    for (let i = 1; i < this.length; i++) {
      let j = i;
      while (j > 0 && this.compare(j - 1, j) > 0) {
        swap(times, j - 1, j);
        swap(steps, j - 1, j);
        swap(exclusions, j - 1, j);
        swap(origins, j - 1, j);
        j--;
      }
    }
  }

  private indexSort(): void {
    const order = this.order;
    order.length = this.length;
    for (let i = 0; i < this.length; i++) order[i] = i;
    const times = this.times;
    order.sort((a, b) => (times[a] as number) - (times[b] as number) || this.compareKeys(a, b));
    if (this.scratchTimes.length !== this.times.length) {
      this.scratchTimes = new Float64Array(this.times.length);
      this.scratchCodes = new Uint32Array(this.times.length);
    }
    reorder(this.times, order, this.scratchTimes);
    reorder(this.steps, order, this.scratchCodes);
    reorder(this.exclusions, order, this.scratchCodes);
    reorder(this.origins, order, this.scratchCodes);
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = withCapacity(this.times, new Float64Array(capacity));
    this.steps = withCapacity(this.steps, new Uint32Array(capacity));
    this.exclusions = withCapacity(this.exclusions, new Uint32Array(capacity));
    this.origins = withCapacity(this.origins, new Uint32Array(capacity));
  }
}

function swap(array: Float64Array | Uint32Array, i: number, j: number): void {
  const value = array[i] as number;
  array[i] = array[j] as number;
  array[j] = value;
}

/** Rearranges the first `order.length` entries of `column` by `order`, through `scratch`. */
function reorder<T extends Float64Array | Uint32Array>(column: T, order: number[], scratch: T): void {
  for (let i = 0; i < order.length; i++) scratch[i] = column[order[i] as number] as number;
  column.set(scratch.subarray(0, order.length));
}

function withCapacity<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The order key (src/analytics/event-order.ts) of each step and exclusion bitmask pair, built once. */
class OrderKeys {
  private readonly byMasks = new Map<number, Map<number, string>>();

  of(steps: number, exclusions: number): string {
    let byExclusions = this.byMasks.get(steps);
    if (!byExclusions) {
      byExclusions = new Map();
      this.byMasks.set(steps, byExclusions);
    }
    let key = byExclusions.get(exclusions);
    if (key === undefined) {
      key = orderKey(
        bits(steps).map((k) => k + 1),
        bits(exclusions),
      );
      byExclusions.set(exclusions, key);
    }
    return key;
  }
}

/** The indexes of the set bits of a 32-bit mask, ascending. */
function bits(mask: number): number[] {
  const set: number[] = [];
  for (let k = 0; k < 32; k++) if ((mask >>> k) & 1) set.push(k);
  return set;
}
