import { excludedGaps, type FunnelQuery } from "../domain/analytics/funnel-query.js";
import type { EventColumns } from "./event-columns.js";
import { inEntryRange } from "./unit-event.js";

/** The property text of an event, by its `origin` (EventColumns); null when missing. */
export type PropertyOf = (origin: number) => string | null;

/**
 * Sequential and strict funnels, one unit at a time, in one pass over its events in event order
 * (docs/analytics.md "Chains"); the reference (src/analytics/reference/get-funnel.ts) is the same
 * rule written quadratically. s_k of an event is the latest start of a chain using it as step k+1.
 * Along the order, the events with s_k set have non-decreasing s_k, so the last one before an event
 * has the latest start, time and position: if it cannot be extended (window, max gap, an excluded
 * event since), no earlier one can. So each level keeps only that last event (sequential), or the
 * previous event is the only candidate (strict): O(events × steps) per unit.
 *
 * After `fold`, the fields describe the unit (valid while `level > 0`); one instance serves every
 * unit of a query, so nothing is allocated per unit.
 */
export class OrderedUnitFold {
  /** The largest k for which a chain exists; 0: the unit did not enter. */
  level = 0;
  /** An exclusion removed the unit (docs/analytics.md "Exclusions"). */
  removed = false;
  /** S: the latest start reaching the level. */
  start = 0;
  /** reachedAt[k] = T_(k+1): the earliest time a chain starting at or after S reaches step k+1. */
  readonly reachedAt: Float64Array;
  /** The breakdown value of the unit (null without a breakdown). */
  value: string | null = null;

  private readonly stepCount: number;
  private readonly strict: boolean;
  private readonly windowMs: number;
  /** maxGaps[k]: step k+1's maximum gap from the previous step (Infinity: none). */
  private readonly maxGaps: Float64Array;
  /** gapsOf[i]: bit j set when exclusion i+1 covers gap j+1 (between step j+1 and j+2). */
  private readonly gapsOf: Uint32Array;
  private readonly attributed: FunnelQuery["breakdown"];
  /** starts[i × stepCount + k] = s_k of the unit's event i, NaN when none; every row is written by `step`. */
  private starts = new Float64Array(0);
  /** Per level k, the last event with s_k set: its start, its time, and whether no event excluded from gap k+1 came since. */
  private readonly lastStart: Float64Array;
  private readonly lastTime: Float64Array;
  private readonly clean: Uint8Array;
  /** Per level k, the latest time an excluded event may have to remove the unit (exclusion rule). */
  private readonly deadline: Float64Array;
  private readonly spoiled: Uint8Array;

  constructor(private readonly query: FunnelQuery) {
    const stepCount = query.steps.length;
    this.stepCount = stepCount;
    this.strict = query.order === "strict";
    this.windowMs = query.windowMs;
    this.maxGaps = Float64Array.from(query.steps, (step) => step.maxGapMs ?? Number.POSITIVE_INFINITY);
    this.gapsOf = Uint32Array.from(query.exclusions, (exclusion) =>
      excludedGaps(exclusion, stepCount).reduce((mask, gap) => mask | (1 << (gap - 1)), 0),
    );
    this.attributed = query.breakdown;
    this.reachedAt = new Float64Array(stepCount);
    this.lastStart = new Float64Array(stepCount);
    this.lastTime = new Float64Array(stepCount);
    this.clean = new Uint8Array(stepCount);
    this.deadline = new Float64Array(stepCount);
    this.spoiled = new Uint8Array(stepCount);
  }

  /** Folds the unit made of events [begin, end) of `events` (in event order). */
  fold(events: EventColumns, begin: number, end: number, propertyOf: PropertyOf): void {
    this.reset(end - begin);
    for (let i = begin; i < end; i++) this.step(events, i, (i - begin) * this.stepCount);
    if (this.level === 0) return;
    this.summarize(events, begin, end, propertyOf);
  }

  /** Loops rather than `fill`: most units are a handful of events, where the calls would cost more. */
  private reset(count: number): void {
    const size = count * this.stepCount;
    if (this.starts.length < size) this.starts = new Float64Array(Math.max(size, this.starts.length * 2));
    this.level = 0;
    for (let k = 0; k < this.stepCount; k++) {
      this.lastStart[k] = Number.NaN;
      this.clean[k] = 0;
      this.deadline[k] = Number.NEGATIVE_INFINITY;
      this.spoiled[k] = 0;
    }
  }

  /**
   * Event i (its starts at row `row`): its s_k from the state before it, then the state after it.
   * Levels go downwards, so level k still reads level k−1 as it was before this event.
   */
  private step(events: EventColumns, i: number, row: number): void {
    const time = events.times[i] as number;
    const steps = events.steps[i] as number;
    const gaps = this.gapsOfMask(events.exclusions[i] as number);
    if (gaps !== 0) this.checkExclusion(time, gaps);
    const starts = this.starts;
    for (let k = this.stepCount - 1; k >= 0; k--) {
      if (((steps >>> k) & 1) === 0) {
        starts[row + k] = Number.NaN;
        continue;
      }
      const start = k === 0 ? this.entryStart(time) : this.extend(events, i, row, k, time);
      starts[row + k] = start;
      if (!Number.isNaN(start)) this.reach(k, start, time);
    }
    if (gaps !== 0) this.markExcluded(gaps, row);
  }

  /** An event reaches level k+1 from `start`: it is now the level's last event. */
  private reach(k: number, start: number, time: number): void {
    this.lastStart[k] = start;
    this.lastTime[k] = time;
    this.clean[k] = 1;
    if (k + 1 > this.level) this.level = k + 1;
    const next = this.maxGaps[k + 1];
    if (next !== undefined) {
      const deadline = Math.min(start + this.windowMs, time + next);
      if (deadline > (this.deadline[k] as number)) this.deadline[k] = deadline;
    }
  }

  private entryStart(time: number): number {
    return inEntryRange(time, this.query) ? time : Number.NaN;
  }

  /** The latest start of a chain at level k−1 that event i (at `time`) extends to step k+1, or NaN. */
  private extend(events: EventColumns, i: number, row: number, k: number, time: number): number {
    const maxGap = this.maxGaps[k] as number;
    if (this.strict) {
      if (row === 0) return Number.NaN;
      const previous = this.starts[row - this.stepCount + k - 1] as number;
      const ok = time - previous <= this.windowMs && time - (events.times[i - 1] as number) <= maxGap;
      return ok ? previous : Number.NaN;
    }
    const previous = this.lastStart[k - 1] as number;
    const ok =
      this.clean[k - 1] === 1 &&
      time - previous <= this.windowMs &&
      time - (this.lastTime[k - 1] as number) <= maxGap;
    return ok ? previous : Number.NaN;
  }

  /** An event excluded from gap j+1 after a level-j event, inside that event's deadline, removes the unit if it stops at j+1. */
  private checkExclusion(time: number, gaps: number): void {
    for (let j = 0; j < this.stepCount; j++) {
      if ((gaps >>> j) & 1 && time <= (this.deadline[j] as number)) this.spoiled[j] = 1;
    }
  }

  /** The last level-j event can no longer be extended past this event, unless this event is itself at level j. */
  private markExcluded(gaps: number, row: number): void {
    for (let j = 0; j < this.stepCount; j++) {
      if ((gaps >>> j) & 1 && Number.isNaN(this.starts[row + j] as number)) this.clean[j] = 0;
    }
  }

  private gapsOfMask(exclusions: number): number {
    if (exclusions === 0) return 0;
    let gaps = 0;
    for (let i = 0; i < this.gapsOf.length; i++) if ((exclusions >>> i) & 1) gaps |= this.gapsOf[i] as number;
    return gaps;
  }

  /** S, the exclusion verdict, T_1 … T_level and the breakdown value (docs/analytics.md "Time to convert", "Breakdown"). */
  private summarize(events: EventColumns, begin: number, end: number, propertyOf: PropertyOf): void {
    const n = this.stepCount;
    const level = this.level;
    const starts = this.starts;
    let start = Number.NEGATIVE_INFINITY;
    for (let row = level - 1; row < (end - begin) * n; row += n) {
      const s = starts[row] as number;
      if (s > start) start = s;
    }
    this.start = start;
    this.removed = level < n && this.spoiled[level - 1] === 1;
    for (let k = 0; k < level; k++) {
      // Some event reaches step k+1 from S (the chain reaching the level passes there); NaN never compares.
      let row = k;
      while (!((starts[row] as number) >= start)) row += n;
      this.reachedAt[k] = events.times[begin + (row - k) / n] as number;
    }
    this.value = this.attributedValue(events, begin, end, propertyOf);
  }

  /**
   * Among the events a chain starting at or after S uses as the attributed step, at its time
   * T_step, and the events tied with one of them (same time and order key, so which comes first
   * is arbitrary): one having the property, then the smallest text. Null below the attributed step.
   */
  private attributedValue(
    events: EventColumns,
    begin: number,
    end: number,
    propertyOf: PropertyOf,
  ): string | null {
    const breakdown = this.attributed;
    if (!breakdown) return null;
    const level = this.level;
    const step =
      breakdown.attribution === "first" ? 1 : breakdown.attribution === "last" ? level : breakdown.step;
    if (step === undefined || step > level) return null;
    const k = step - 1;
    const at = this.reachedAt[k] as number;
    const { times, steps, exclusions } = events;
    let first = begin;
    while ((times[first] as number) < at) first++;
    let best: string | null = null;
    // Events of equal time and order key sit next to each other (the event order): one run each.
    for (let run = first; run < end && times[run] === at; ) {
      let runEnd = run + 1;
      while (
        runEnd < end &&
        times[runEnd] === at &&
        steps[runEnd] === steps[run] &&
        exclusions[runEnd] === exclusions[run]
      ) {
        runEnd++;
      }
      if (this.usesAsStep(run, runEnd, begin, k)) {
        for (let i = run; i < runEnd; i++) {
          const value = propertyOf(events.origins[i] as number);
          if (value !== null && (best === null || value < best)) best = value;
        }
      }
      run = runEnd;
    }
    return best;
  }

  /** Whether a chain starting at or after S uses one of the events from..to (exclusive) as step k+1. */
  private usesAsStep(from: number, to: number, begin: number, k: number): boolean {
    for (let i = from; i < to; i++) {
      if ((this.starts[(i - begin) * this.stepCount + k] as number) >= this.start) return true;
    }
    return false;
  }
}
