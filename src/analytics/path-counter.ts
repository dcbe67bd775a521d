import type { PathsQuery, PersonPath } from "../domain/analytics/paths-query.js";
import type { EventColumns } from "./event-columns.js";
import { forEachUnit } from "./unit-ranges.js";

/**
 * Each unit's collapsed stage sequence and next event (docs/analytics.md "Paths"), from one
 * person's events at a time; identical (sequence, next event) pairs counted together, ready for
 * src/analytics/paths-result.ts. Parts counted apart (worker threads) add up with `absorb`.
 */
export class PathCounter {
  private readonly counted = new Map<string, PersonPath>();

  constructor(private readonly unit: PathsQuery["unit"]) {}

  /** One person's events (stage bitmasks as steps); `nameOf(origin)` is an event's name. */
  countPerson(events: EventColumns, nameOf: (origin: number) => string): void {
    events.sortIntoEventOrder();
    forEachUnit(events, this.unit, (begin, end) => this.add(unitPath(events, begin, end, nameOf)));
  }

  absorb(paths: PersonPath[]): void {
    for (const path of paths) this.add(path);
  }

  paths(): PersonPath[] {
    return [...this.counted.values()];
  }

  private add(path: PersonPath): void {
    if (path.stages.length === 0) return;
    const key = `${path.stages.join(",")}>${path.nextEvent ?? ""}`;
    const same = this.counted.get(key);
    if (same) same.people += path.people;
    else this.counted.set(key, { ...path });
  }
}

/**
 * The unit's stage sequence (each event's first stage, consecutive repeats collapsed) and the event
 * after its last stage event. Events are in event order (time, order key); within equal time and
 * key the order is arbitrary. Equal time and key mean the same stages, so that order changes
 * neither the sequence nor which group holds the last stage event; the next event is the first by
 * name of the group right after it.
 */
function unitPath(
  events: EventColumns,
  begin: number,
  end: number,
  nameOf: (origin: number) => string,
): PersonPath {
  const stages: number[] = [];
  let last = -1;
  for (let i = begin; i < end; i++) {
    const mask = events.steps[i] as number;
    if (mask === 0) continue;
    const stage = 32 - Math.clz32(mask & -mask);
    if (stages[stages.length - 1] !== stage) stages.push(stage);
    last = i;
  }
  return {
    stages,
    nextEvent: last >= 0 && last + 1 < end ? firstName(events, last + 1, end, nameOf) : null,
    people: 1,
  };
}

/** The smallest name (UTF-16 order, as the reference compares) among the events tied with `first`. */
function firstName(
  events: EventColumns,
  first: number,
  end: number,
  nameOf: (origin: number) => string,
): string {
  let name = nameOf(events.origins[first] as number);
  for (let i = first + 1; i < end; i++) {
    if (events.times[i] !== events.times[first] || events.steps[i] !== events.steps[first]) break;
    const other = nameOf(events.origins[i] as number);
    if (other < name) name = other;
  }
  return name;
}
