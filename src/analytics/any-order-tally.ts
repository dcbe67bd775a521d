import type { FunnelQuery } from "../domain/analytics/funnel-query.js";
import { anyOrderOutcome } from "./any-order-level.js";
import { periodStart } from "./funnel-period.js";
import type { FunnelTally, UnitGroup } from "./funnel-result.js";
import type { UnitEvent } from "./unit-event.js";

/** One step-matching event as an engine hands it over: its unit, time and the steps it matches (1-based). */
export type AnyOrderRow = { unit: string; time: number; steps: number[] };

/**
 * Any-order funnels are a matching per unit, solved here for every engine: `rows` are the units'
 * step-matching events, grouped by unit and in event order; each unit is leveled by the shared matcher
 * and its entry (latest anchor reaching its level) gives its period.
 */
export function tallyAnyOrder(rows: Iterable<AnyOrderRow>, query: FunnelQuery): FunnelTally {
  const groups = new Map<string, UnitGroup>();
  const addUnit = (events: UnitEvent[]) => {
    const { level, start } = anyOrderOutcome(events, query);
    if (level === 0) return;
    const period = query.interval && start !== null ? periodStart(start, query.interval) : null;
    const key = `${level}:${period}`;
    const group = groups.get(key) ?? { value: null, period, level, removed: false, units: 0 };
    group.units++;
    groups.set(key, group);
  };
  let current: UnitEvent[] = [];
  let currentUnit: string | undefined;
  for (const row of rows) {
    if (row.unit !== currentUnit && current.length > 0) {
      addUnit(current);
      current = [];
    }
    currentUnit = row.unit;
    current.push({ time: row.time, steps: row.steps, excludedGaps: [] });
  }
  if (current.length > 0) addUnit(current);
  return { groups: [...groups.values()], durations: [] };
}
