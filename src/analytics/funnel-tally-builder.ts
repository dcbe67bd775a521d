import type { FunnelQuery } from "../domain/analytics/funnel-query.js";
import { periodStart } from "./funnel-period.js";
import type { FunnelTally, UnitGroup } from "./funnel-result.js";
import { type DurationSummary, summarizeDurations } from "./funnel-time-to-convert.js";

/** A builder's raw state (structured-cloneable), to merge tallies made on other threads. */
export type TallyParts = { groups: [number | string, UnitGroup][]; durations: Float64Array[] };

/**
 * Collects unit outcomes into the tally src/analytics/funnel-result.ts turns into the result, for
 * engines that level units in TypeScript: units grouped by (breakdown value, entry period, level,
 * removed), and the transition times of the units kept.
 */
export class FunnelTallyBuilder {
  private readonly groups = new Map<number | string, UnitGroup>();
  /** durations[k]: times of transition k+1 → k+2, the first `counts[k]` entries. */
  private readonly durations: Float64Array[];
  private readonly counts: number[];

  constructor(private readonly query: FunnelQuery) {
    this.durations = query.steps.slice(1).map(() => new Float64Array(1024));
    this.counts = this.durations.map(() => 0);
  }

  /**
   * One unit that entered (level ≥ 1).
   * @param start its entry S (epoch ms), for the period
   * @param reachedAt T_1 … T_level, for the times to convert of a unit kept; omit when none are computed (any order)
   */
  add(level: number, removed: boolean, start: number, value: string | null, reachedAt?: Float64Array): void {
    const interval = this.query.interval;
    const period = interval ? periodStart(start, interval) : null;
    // A number when only the outcome varies: most funnels have no breakdown and no interval.
    const outcome = level * 2 + (removed ? 1 : 0);
    const key =
      period === null && value === null
        ? outcome
        : `${outcome}|${period}|${value === null ? "" : `=${value}`}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { value, period, level, removed, units: 0 };
      this.groups.set(key, group);
    }
    group.units++;
    if (removed || !reachedAt) return;
    for (let k = 1; k < level; k++)
      this.addDuration(k - 1, (reachedAt[k] as number) - (reachedAt[k - 1] as number));
  }

  parts(): TallyParts {
    return {
      groups: [...this.groups],
      durations: this.durations.map((list, k) => list.subarray(0, this.counts[k])),
    };
  }

  /** Adds the units and times of another builder of the same query. */
  absorb(parts: TallyParts): void {
    for (const [key, group] of parts.groups) {
      const same = this.groups.get(key);
      if (same) same.units += group.units;
      else this.groups.set(key, { ...group });
    }
    parts.durations.forEach((list, k) => {
      for (const duration of list) this.addDuration(k, duration);
    });
  }

  tally(): FunnelTally {
    const durations: DurationSummary[] = [];
    this.durations.forEach((list, k) => {
      const summary = summarizeDurations(k + 1, list.subarray(0, this.counts[k]));
      if (summary) durations.push(summary);
    });
    return { groups: [...this.groups.values()], durations };
  }

  private addDuration(k: number, duration: number): void {
    let list = this.durations[k] as Float64Array;
    const count = this.counts[k] as number;
    if (count === list.length) {
      const grown = new Float64Array(list.length * 2);
      grown.set(list);
      list = grown;
      this.durations[k] = list;
    }
    list[count] = duration;
    this.counts[k] = count + 1;
  }
}
