import type { DuckDBConnection } from "@duckdb/node-api";
import type { FunnelQuery, FunnelResult } from "../../domain/analytics/funnel-query.js";
import { anyOrderOutcome } from "../any-order-level.js";
import type { EventColumns } from "../event-columns.js";
import { resultFromTally } from "../funnel-result.js";
import { FunnelTallyBuilder } from "../funnel-tally-builder.js";
import { OrderedUnitFold, type PropertyOf } from "../ordered-unit-fold.js";
import type { UnitEvent } from "../unit-event.js";
import { forEachUnit } from "../unit-ranges.js";
import { forEachPersonEvents, forEachTimelinePersonEvents, timelineServes } from "./person-event-lists.js";
import type { PersonTimeline } from "./person-timeline.js";

/**
 * The funnel over the `events` table (docs/analytics.md). DuckDB does what it is fast at: filter
 * the events, match steps and exclusions, and group each person's events into lists
 * (src/analytics/duckdb/person-event-lists.ts). TypeScript puts each person's events in event
 * order, cuts units, and levels each unit in one pass (src/analytics/ordered-unit-fold.ts); any
 * order solves its step matching per unit (src/analytics/any-order-level.ts). A funnel of plain
 * event names reads the person timeline instead (person-timeline.ts), which has the events grouped
 * already.
 */
export async function getFunnelFromDuckDb(
  connection: DuckDBConnection,
  timelineOf: () => Promise<PersonTimeline | null>,
  query: FunnelQuery,
): Promise<FunnelResult> {
  const tally = new FunnelTallyBuilder(query);
  const levelUnit = query.order === "any" ? anyOrderLeveler(query, tally) : orderedLeveler(query, tally);
  const visit = (events: EventColumns, propertyOf: PropertyOf): void => {
    events.sortIntoEventOrder();
    forEachUnit(events, query.unit, (begin, end) => levelUnit(events, begin, end, propertyOf));
  };
  const timeline = timelineServes(query) ? await timelineOf() : null;
  if (timeline) forEachTimelinePersonEvents(timeline, query, visit);
  else await forEachPersonEvents(connection, query, visit);
  return resultFromTally(query, tally.tally());
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
