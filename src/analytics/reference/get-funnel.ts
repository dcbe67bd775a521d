import {
  excludedGaps,
  type FunnelQuery,
  type FunnelQueryInput,
  type FunnelResult,
  funnelQuerySchema,
  SESSION_GAP_MS,
} from "../../domain/analytics/funnel-query.js";
import { anyOrderLevel } from "../any-order-level.js";
import type { EventRecord } from "../event.js";
import { orderKey } from "../event-order.js";
import { buildFunnelResult } from "../funnel-result.js";
import { matchesEvent } from "../match-event.js";
import { inEntryRange, type UnitEvent, type UnitOutcome } from "../unit-event.js";
import { validQuery } from "../valid-query.js";

/**
 * The reference funnel: docs/analytics.md written as plain, slow TypeScript (quadratic per unit).
 * It is the oracle the engines are tested against, not something to run on big data.
 */
export function getFunnel(events: EventRecord[], input: FunnelQueryInput): FunnelResult {
  const query = validQuery(funnelQuerySchema, input);
  const reached: number[] = query.steps.map(() => 0);
  let excluded = 0;
  for (const unit of splitUnits(events, query)) {
    const outcome: UnitOutcome =
      query.order === "any"
        ? { level: anyOrderLevel(unit, query), removed: false }
        : orderedOutcome(unit, query);
    if (outcome.removed) excluded++;
    else for (let k = 0; k < outcome.level; k++) reached[k] = (reached[k] ?? 0) + 1;
  }
  return buildFunnelResult(query, reached, excluded);
}

/** Every unit's events in the agreed order: per person (and per session), by time, then by order key. */
function splitUnits(events: EventRecord[], query: FunnelQuery): UnitEvent[][] {
  const byPerson = new Map<string, { event: UnitEvent; key: string; index: number }[]>();
  events.forEach((record, index) => {
    const event = toUnitEvent(record, query);
    const exclusions = query.exclusions.flatMap((x, i) => (matchesEvent(record, x) ? [i] : []));
    const list = byPerson.get(record.person) ?? [];
    list.push({ event, key: orderKey(event.steps, exclusions), index });
    byPerson.set(record.person, list);
  });
  const units: UnitEvent[][] = [];
  for (const list of byPerson.values()) {
    list.sort((a, b) => a.event.time - b.event.time || compareText(a.key, b.key) || a.index - b.index);
    const sorted = list.map((item) => item.event);
    units.push(...(query.unit === "session" ? splitSessions(sorted) : [sorted]));
  }
  return units;
}

function toUnitEvent(record: EventRecord, query: FunnelQuery): UnitEvent {
  const steps = query.steps.flatMap((step, i) => (matchesEvent(record, step) ? [i + 1] : []));
  const gaps = query.exclusions.flatMap((x) =>
    matchesEvent(record, x) ? excludedGaps(x, query.steps.length) : [],
  );
  return { time: record.time, steps, excludedGaps: [...new Set(gaps)] };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A new session starts after more than 30 minutes without any event of the person. */
function splitSessions(events: UnitEvent[]): UnitEvent[][] {
  const sessions: UnitEvent[][] = [];
  let previous: UnitEvent | undefined;
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
function orderedOutcome(events: UnitEvent[], query: FunnelQuery): UnitOutcome {
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
  return { level, removed: level > 0 && level < stepCount && leftAfter(events, start, level, query) };
}

/** The latest start among chains at step k (0-based) − 1 that event i may extend to step k. */
function extend(
  events: UnitEvent[],
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
