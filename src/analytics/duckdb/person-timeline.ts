import {
  type DuckDBConnection,
  type DuckDBDataChunk,
  DuckDBDoubleVector,
  DuckDBListValue,
  DuckDBUIntegerVector,
} from "@duckdb/node-api";
import type { EventMatcher } from "../../domain/analytics/event-matcher.js";
import { EventColumns } from "../event-columns.js";
import { listColumn } from "./list-columns.js";

/**
 * Above this many events a store keeps no timeline and groups in SQL for every query: 3 GB of
 * memory per workspace is as far as a server with a few workspaces should go unasked.
 */
export const TIMELINE_MAX_EVENTS = 250_000_000;

/**
 * Every event of the `events` view (identities resolved) as typed arrays in memory, grouped by
 * person and in time order within each person: person p's events are [starts[p], starts[p+1]),
 * with their time (epoch ms) and event name (an index into `names`). A funnel or paths query of
 * plain event names reads it instead of asking DuckDB to group the events by person again: that
 * grouping and the transfer of its lists into JS were most of such a query's time, while the
 * timeline is built once per change of the data (the store drops it on every write) at about the
 * cost of one such query. 12 bytes an event: 1.2 GB for 100M events.
 */
export class PersonTimeline {
  constructor(
    readonly names: readonly string[],
    readonly starts: Uint32Array,
    readonly times: Float64Array,
    readonly eventIds: Uint32Array,
  ) {}

  get people(): number {
    return this.starts.length - 1;
  }

  /**
   * Each person of [from, to) with any selected event: those events in `events`, in time order,
   * with the selection's masks; an event's origin is its index in the timeline (for its name).
   */
  forEachPerson(
    from: number,
    to: number,
    selection: TimelineSelection,
    visit: (events: EventColumns) => void,
  ): void {
    const { stepMasks, exclusionMasks, everyEvent, from: first, to: end } = selection;
    const { starts, times, eventIds } = this;
    const events = new EventColumns();
    for (let person = from; person < to; person++) {
      events.clear();
      const last = starts[person + 1] as number;
      for (let i = starts[person] as number; i < last; i++) {
        const time = times[i] as number;
        if (time < first || time >= end) continue;
        const id = eventIds[i] as number;
        const steps = stepMasks[id] as number;
        const exclusions = exclusionMasks[id] as number;
        if (everyEvent || steps !== 0 || exclusions !== 0) events.push(time, steps, exclusions, i);
      }
      if (events.length > 0) visit(events);
    }
  }

  /**
   * Reads the timeline in one statement, so the names and the events come from one snapshot; the
   * event count before it sizes the columns, or says the store has more than `maxEvents` (null).
   */
  static async read(connection: DuckDBConnection, maxEvents: number): Promise<PersonTimeline | null> {
    const count = await connection.runAndReadAll("SELECT count(*)::DOUBLE FROM events");
    const events = Number(count.getRows()[0]?.[0] ?? 0);
    if (events > maxEvents) return null;
    const builder = new TimelineBuilder(events);
    const result = await connection.stream(TIMELINE_SQL);
    for await (const chunk of result) builder.add(chunk);
    return builder.build();
  }
}

/**
 * What a query reads of each person: events in [from, to) (epoch ms), every one or only those
 * matching a step or an exclusion, with the step and exclusion bitmasks of each event name (by id).
 */
export type TimelineSelection = {
  stepMasks: Uint32Array;
  exclusionMasks: Uint32Array;
  from: number;
  to: number;
  everyEvent: boolean;
};

/** A step, exclusion or stage with its alternatives. */
type Matchers = (EventMatcher & { or: EventMatcher[] })[];

/** The matchers (and their alternatives) need nothing but event names, so the timeline can match them. */
export function namesOnly(matchers: Matchers): boolean {
  return matchers.every(
    (m) => m.where.length === 0 && m.or.every((alternative) => alternative.where.length === 0),
  );
}

/** Per event name (by id), bit k set when matcher k (or one of its alternatives) names it. */
export function masksByName(names: readonly string[], matchers: Matchers): Uint32Array {
  const masks = new Uint32Array(names.length);
  matchers.forEach((matcher, k) => {
    for (const { event } of [matcher, ...matcher.or]) {
      const id = names.indexOf(event);
      if (id >= 0) masks[id] = (masks[id] as number) | (2 ** k);
    }
  });
  return masks;
}

/**
 * One row per person: `list(t)` (epoch ms) and `list(id)` (the event name's index in the last
 * column, every event name), aligned element by element as in person-event-lists.ts.
 */
const TIMELINE_SQL = `
WITH names AS (
  SELECT event, (row_number() OVER (ORDER BY event) - 1)::UINTEGER AS id
  FROM (SELECT DISTINCT event FROM events)
)
SELECT list(t), list(id), (SELECT list(event ORDER BY id) FROM names)
FROM (SELECT person, epoch_ms(time)::DOUBLE AS t, names.id FROM events JOIN names USING (event))
GROUP BY person`;

/** Appends each chunk's lists to growing columns, each person's events sorted by time. */
class TimelineBuilder {
  private names: string[] = [];
  private people = 0;
  private length = 0;
  private starts = shared(Uint32Array, 1024);
  private times: Float64Array;
  private eventIds: Uint32Array;
  /** One person's times, put in time order by the sort every query uses; origins lead back to the ids. */
  private readonly person = new EventColumns();

  constructor(expectedEvents: number) {
    this.times = shared(Float64Array, Math.max(expectedEvents, 1024));
    this.eventIds = shared(Uint32Array, this.times.length);
  }

  add(chunk: DuckDBDataChunk): void {
    const times = listColumn(chunk, 0, DuckDBDoubleVector);
    const ids = listColumn(chunk, 1, DuckDBUIntegerVector);
    if (this.people === 0) this.names = eventNames(chunk);
    const rows = chunk.rowCount; // a native call: read once per chunk
    for (let row = 0; row < rows; row++) {
      const count = times.lists.getEntryLength(row);
      const timeAt = times.lists.getEntryOffset(row);
      const idAt = ids.lists.getEntryOffset(row);
      this.reserve(count);
      // Grouping hands a person's events over in no particular order; ties may stay in any order.
      const person = this.person;
      person.clear();
      for (let i = 0; i < count; i++) person.push(times.items.getItem(timeAt + i) ?? 0, 0, 0);
      person.sortIntoEventOrder();
      const begin = this.length;
      for (let i = 0; i < count; i++) {
        this.times[begin + i] = person.times[i] as number;
        this.eventIds[begin + i] = ids.items.getItem(idAt + (person.origins[i] as number)) ?? 0;
      }
      this.length += count;
      this.starts[++this.people] = this.length;
    }
  }

  build(): PersonTimeline {
    return new PersonTimeline(
      this.names,
      this.starts.subarray(0, this.people + 1),
      this.times.subarray(0, this.length),
      this.eventIds.subarray(0, this.length),
    );
  }

  private reserve(count: number): void {
    if (this.people + 2 > this.starts.length) this.starts = grown(this.starts, this.people + 2);
    if (this.length + count > this.times.length) {
      this.times = grown(this.times, this.length + count);
      this.eventIds = grown(this.eventIds, this.length + count);
    }
  }
}

/** Every distinct event name, by id: the same list on every row of the result (column 2). */
function eventNames(chunk: DuckDBDataChunk): string[] {
  const names = chunk.getColumnVector(2).getItem(0);
  return names instanceof DuckDBListValue ? names.items.map(String) : [];
}

type Column = Float64Array | Uint32Array;
type ColumnType<T extends Column> = { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };

/** A column in shared memory, so worker threads read it without a copy (timeline-workers.ts). */
function shared<T extends Column>(type: ColumnType<T>, length: number): T {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}

function grown<T extends Column>(from: T, atLeast: number): T {
  const to = shared(from.constructor as ColumnType<T>, Math.max(atLeast, from.length * 2));
  to.set(from);
  return to;
}
