import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";
import { anyOrderOutcome } from "../any-order-level.js";
import type { EventColumns } from "../event-columns.js";
import type { FunnelTallyBuilder } from "../funnel-tally-builder.js";
import { OrderedUnitFold, type PropertyOf } from "../ordered-unit-fold.js";
import type { UnitEvent } from "../unit-event.js";
import { forEachUnit } from "../unit-ranges.js";

/**
 * What the DuckDB engine does with each person's funnel events, whichever source gave them (SQL
 * lists or the person timeline): puts them in event order, cuts units, levels each unit in one
 * pass (src/analytics/ordered-unit-fold.ts; any order solves its step matching per unit with
 * src/analytics/any-order-level.ts) and adds it to `tally`.
 */
export function personLeveler(
  query: FunnelQuery,
  tally: FunnelTallyBuilder,
): (events: EventColumns, propertyOf: PropertyOf) => void {
  const levelUnit = query.order === "any" ? anyOrderLeveler(query, tally) : orderedLeveler(query, tally);
  return (events, propertyOf) => {
    events.sortIntoEventOrder();
    forEachUnit(events, query.unit, (begin, end) => levelUnit(events, begin, end, propertyOf));
  };
}

type LevelUnit = (events: EventColumns, begin: number, end: number, propertyOf: PropertyOf) => void;

function orderedLeveler(query: FunnelQuery, tally: FunnelTallyBuilder): LevelUnit {
  const fold = new OrderedUnitFold(query);
  return (events, begin, end, propertyOf) => {
    fold.fold(events, begin, end, propertyOf);
    if (fold.level > 0) tally.add(fold.level, fold.removed, fold.start, fold.value, fold.reachedAt);
  };
}

/** Any order: the unit's step-matching events through the shared matcher; its entry gives the period. */
function anyOrderLeveler(query: FunnelQuery, tally: FunnelTallyBuilder): LevelUnit {
  return (events, begin, end) => {
    const unit: UnitEvent[] = [];
    for (let i = begin; i < end; i++) {
      const steps = stepsOf(events.steps[i] as number);
      if (steps.length > 0) unit.push({ time: events.times[i] as number, steps, excludedGaps: [] });
    }
    const { level, start } = anyOrderOutcome(unit, query);
    if (level > 0 && start !== null) tally.add(level, false, start, null);
  };
}

/** The steps (1-based) of a step bitmask. */
function stepsOf(mask: number): number[] {
  const steps: number[] = [];
  for (let k = 0; k < 32; k++) if ((mask >>> k) & 1) steps.push(k + 1);
  return steps;
}
