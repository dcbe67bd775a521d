import {
  excludedGaps,
  type FunnelQuery,
  type FunnelQueryInput,
  type FunnelResult,
  funnelQuerySchema,
  SESSION_GAP_MS,
} from "../../domain/analytics/funnel-query.js";
import { anyOrderOutcome } from "../any-order-level.js";
import type { EventRecord } from "../event.js";
import { orderKey } from "../event-order.js";
import { periodStart } from "../funnel-period.js";
import { type FunnelTally, resultFromTally, type UnitGroup } from "../funnel-result.js";
import { summarizeDurations } from "../funnel-time-to-convert.js";
import { matchesAlternatives } from "../match-event.js";
import { inEntryRange, type UnitEvent } from "../unit-event.js";
import { validQuery } from "../valid-query.js";
import { inSegment } from "./in-segment.js";
import { propertyText } from "./property-text.js";

/** A unit's event with its order key and the text of the breakdown property (null: missing, or no breakdown). */
type FunnelEvent = UnitEvent & { key: string; value: string | null };

/**
 * What one unit adds to the funnel: its level, whether an exclusion removed it, its entry (the
 * chain start S), reachedAt[k] = T_(k+1) (docs/analytics.md "Time to convert") and its breakdown value.
 */
type UnitResult = {
  level: number;
  removed: boolean;
  start: number | null;
  reachedAt: number[];
  value: string | null;
};

/**
 * The reference funnel: docs/analytics.md written as plain, slow TypeScript (quadratic per unit).
 * It is the oracle the engines are tested against, not something to run on big data.
 */
export function getFunnel(events: EventRecord[], input: FunnelQueryInput): FunnelResult {
  const query = validQuery(funnelQuerySchema, input);
  const groups = new Map<string, UnitGroup>();
  const durations: number[][] = query.steps.slice(1).map(() => []);
  for (const unit of splitUnits(inSegment(events, query.segment), query)) {
    const result = query.order === "any" ? anyOrderResult(unit, query) : orderedResult(unit, query);
    if (result.level === 0) continue;
    addToGroup(groups, result, query);
    if (result.removed) continue;
    for (let k = 1; k < result.reachedAt.length; k++) {
      durations[k - 1]?.push((result.reachedAt[k] as number) - (result.reachedAt[k - 1] as number));
    }
  }
  const tally: FunnelTally = {
    groups: [...groups.values()],
    durations: durations.flatMap((list, i) => summarizeDurations(i + 1, list) ?? []),
  };
  return resultFromTally(query, tally);
}

function addToGroup(groups: Map<string, UnitGroup>, result: UnitResult, query: FunnelQuery): void {
  const period = query.interval && result.start !== null ? periodStart(result.start, query.interval) : null;
  const key = JSON.stringify([result.value, period, result.level, result.removed]);
  const group = groups.get(key) ?? {
    value: result.value,
    period,
    level: result.level,
    removed: result.removed,
    units: 0,
  };
  group.units++;
  groups.set(key, group);
}

/** Any order has no step sequence: only the level and the entry (for the interval). */
function anyOrderResult(events: FunnelEvent[], query: FunnelQuery): UnitResult {
  const { level, start } = anyOrderOutcome(events, query);
  return { level, removed: false, start, reachedAt: [], value: null };
}

/** Every unit's events in the agreed order: per person (and per session), by time, then by order key. */
function splitUnits(events: EventRecord[], query: FunnelQuery): FunnelEvent[][] {
  const byPerson = new Map<string, { event: FunnelEvent; index: number }[]>();
  events.forEach((record, index) => {
    const list = byPerson.get(record.person) ?? [];
    list.push({ event: toUnitEvent(record, query), index });
    byPerson.set(record.person, list);
  });
  const units: FunnelEvent[][] = [];
  for (const list of byPerson.values()) {
    list.sort(
      (a, b) => a.event.time - b.event.time || compareText(a.event.key, b.event.key) || a.index - b.index,
    );
    const sorted = list.map((item) => item.event);
    units.push(...(query.unit === "session" ? splitSessions(sorted) : [sorted]));
  }
  return units;
}

function toUnitEvent(record: EventRecord, query: FunnelQuery): FunnelEvent {
  const steps = query.steps.flatMap((step, i) => (matchesAlternatives(record, step) ? [i + 1] : []));
  const gaps = query.exclusions.flatMap((x) =>
    matchesAlternatives(record, x) ? excludedGaps(x, query.steps.length) : [],
  );
  const exclusions = query.exclusions.flatMap((x, i) => (matchesAlternatives(record, x) ? [i] : []));
  const value = query.breakdown ? propertyText(record.properties, query.breakdown.property) : null;
  return {
    time: record.time,
    steps,
    excludedGaps: [...new Set(gaps)],
    key: orderKey(steps, exclusions),
    value,
  };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A new session starts after more than 30 minutes without any event of the person. */
function splitSessions(events: FunnelEvent[]): FunnelEvent[][] {
  const sessions: FunnelEvent[][] = [];
  let previous: FunnelEvent | undefined;
  for (const event of events) {
    if (!previous || event.time - previous.time > SESSION_GAP_MS) sessions.push([]);
    sessions[sessions.length - 1]?.push(event);
    previous = event;
  }
  return sessions;
}

/**
 * Sequential and strict order. start[i][k] is the latest step-1 time among valid chains that use
 * event i as step k+1 (null: none). A later start never hurts (the window runs from it; gaps,
 * exclusions and strictness depend only on the chain's last event), so keeping the latest start
 * per (event, step) decides exactly whether a chain of each length exists.
 */
function orderedResult(events: FunnelEvent[], query: FunnelQuery): UnitResult {
  const stepCount = query.steps.length;
  const start: (number | null)[][] = events.map(() => query.steps.map(() => null));
  events.forEach((event, i) => {
    for (const step of event.steps) {
      const k = step - 1;
      const row = start[i] as (number | null)[];
      row[k] =
        k === 0 ? (inEntryRange(event.time, query) ? event.time : null) : extend(events, start, i, k, query);
    }
  });
  let level = 0;
  for (let k = 0; k < stepCount; k++) if (start.some((row) => row[k] !== null)) level = k + 1;
  const removed = level > 0 && level < stepCount && leftAfter(events, start, level, query);
  if (level === 0) return { level, removed, start: null, reachedAt: [], value: null };
  const chainStart = start.reduce((latest, row) => Math.max(latest, row[level - 1] ?? latest), -Infinity);
  const reachedAt = Array.from({ length: level }, (_, k) => firstReach(events, start, k, chainStart));
  return {
    level,
    removed,
    start: chainStart,
    reachedAt,
    value: attributedValue(events, start, reachedAt, query),
  };
}

/** T_(k+1): the earliest time of an event used as step k+1 (0-based k) by a chain starting at or after S. */
function firstReach(
  events: FunnelEvent[],
  start: (number | null)[][],
  k: number,
  chainStart: number,
): number {
  let first = Number.POSITIVE_INFINITY;
  events.forEach((event, i) => {
    const s = start[i]?.[k] ?? null;
    if (s !== null && s >= chainStart && event.time < first) first = event.time;
  });
  return first;
}

/**
 * The breakdown value: the property of the attributed step's event — the events used as that step
 * by a chain starting at or after S, at T_step, and the events tied with one of them (same time
 * and order key: which of those comes first is arbitrary, so any could have been used); of
 * several, the smallest text, missing only when all miss it. Null when the unit did not reach the
 * attributed step.
 */
function attributedValue(
  events: FunnelEvent[],
  start: (number | null)[][],
  reachedAt: number[],
  query: FunnelQuery,
): string | null {
  const breakdown = query.breakdown;
  if (!breakdown) return null;
  const level = reachedAt.length;
  const step =
    breakdown.attribution === "first" ? 1 : breakdown.attribution === "last" ? level : breakdown.step;
  if (step === undefined || step > level) return null;
  const chainStart = reachedAt[0] as number;
  const at = reachedAt[step - 1];
  const used = events.filter((event, i) => {
    const s = start[i]?.[step - 1] ?? null;
    return s !== null && s >= chainStart && event.time === at;
  });
  let best: string | null = null;
  for (const event of events) {
    if (!used.some((other) => other.time === event.time && other.key === event.key)) continue;
    if (event.value !== null && (best === null || event.value < best)) best = event.value;
  }
  return best;
}

/** The latest start among chains at step k (0-based) − 1 that event i may extend to step k. */
function extend(
  events: FunnelEvent[],
  start: (number | null)[][],
  i: number,
  k: number,
  query: FunnelQuery,
): number | null {
  const event = events[i] as UnitEvent;
  const maxGap = query.steps[k]?.maxGapMs;
  const firstCandidate = query.order === "strict" ? i - 1 : 0;
  let best: number | null = null;
  for (let j = Math.max(0, firstCandidate); j < i; j++) {
    const previousStart = start[j]?.[k - 1] ?? null;
    const previous = events[j] as UnitEvent;
    if (previousStart === null) continue;
    if (event.time - previousStart > query.windowMs) continue;
    if (maxGap !== undefined && event.time - previous.time > maxGap) continue;
    if (excludedBetween(events, j, i, k)) continue;
    if (best === null || previousStart > best) best = previousStart;
  }
  return best;
}

/** An event excluded from gap `gap` (between step gap and gap+1) lies strictly between positions j and i. */
function excludedBetween(events: UnitEvent[], j: number, i: number, gap: number): boolean {
  return events.slice(j + 1, i).some((e) => e.excludedGaps.includes(gap));
}

/**
 * The unit stopped at `level` and, after some chain's step-`level` event, did an event excluded
 * from the next gap while it could still have taken the next step (within the window from the
 * chain's start and within the next step's maximum gap).
 */
function leftAfter(
  events: UnitEvent[],
  start: (number | null)[][],
  level: number,
  query: FunnelQuery,
): boolean {
  const maxGap = query.steps[level]?.maxGapMs;
  return events.some((event, i) => {
    const chainStart = start[i]?.[level - 1] ?? null;
    if (chainStart === null) return false;
    const deadline = Math.min(
      chainStart + query.windowMs,
      maxGap === undefined ? Number.POSITIVE_INFINITY : event.time + maxGap,
    );
    return events.slice(i + 1).some((later) => later.excludedGaps.includes(level) && later.time <= deadline);
  });
}
