import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";
import { EventColumns } from "../event-columns.js";
import { FunnelTallyBuilder, type TallyParts } from "../funnel-tally-builder.js";
import type { PropertyOf } from "../ordered-unit-fold.js";
import { personLeveler } from "./level-units.js";
import { masksByName, namesOnly, PersonTimeline } from "./person-timeline.js";

/** The funnel needs nothing but event names and times, so the person timeline can serve it. */
export function timelineServes(query: FunnelQuery): boolean {
  return namesOnly([...query.steps, ...query.exclusions]) && query.segment.length === 0 && !query.breakdown;
}

/**
 * The funnel's tally from the person timeline, its people split by event count between this
 * thread and one worker per other core (the timeline's columns are shared memory, so nothing is
 * copied; each part is tallied exactly as a whole would be, then the parts are added up).
 */
export async function tallyTimeline(
  timeline: PersonTimeline,
  query: FunnelQuery,
): Promise<FunnelTallyBuilder> {
  const bounds = personBounds(timeline, workers.size + 1);
  const remote = bounds
    .slice(1, -1)
    .map((from, i) => workers.run(i, jobOf(timeline, query, from, bounds[i + 2] as number)));
  let tally: FunnelTallyBuilder;
  try {
    tally = tallyPeople(timeline, query, 0, bounds[1] as number);
  } catch (error) {
    await Promise.allSettled(remote);
    throw error;
  }
  for (const parts of await Promise.all(remote)) tally.absorb(parts);
  return tally;
}

/** The tally of people [from, to) of the timeline: one thread's part. */
function tallyPeople(
  timeline: PersonTimeline,
  query: FunnelQuery,
  from: number,
  to: number,
): FunnelTallyBuilder {
  const tally = new FunnelTallyBuilder(query);
  forEachPersonEvents(timeline, query, from, to, personLeveler(query, tally));
  return tally;
}

/**
 * Each person's funnel events from the timeline, as the SQL source gives them
 * (person-event-lists.ts): the entry range plus the window; every event for strict and session
 * funnels, else those matching a step or an exclusion; masks looked up by event name.
 */
function forEachPersonEvents(
  timeline: PersonTimeline,
  query: FunnelQuery,
  from: number,
  to: number,
  visit: (events: EventColumns, propertyOf: PropertyOf) => void,
): void {
  const stepMasks = masksByName(timeline.names, query.steps);
  const exclusionMasks = masksByName(timeline.names, query.exclusions);
  const everyEvent = query.order === "strict" || query.unit === "session";
  const first = query.from ?? Number.NEGATIVE_INFINITY;
  const end = query.to === undefined ? Number.POSITIVE_INFINITY : query.to + query.windowMs;
  const { starts, times, eventIds } = timeline;
  const events = new EventColumns();
  const noProperty: PropertyOf = () => null;
  for (let person = from; person < to; person++) {
    events.clear();
    const last = starts[person + 1] as number;
    for (let i = starts[person] as number; i < last; i++) {
      const time = times[i] as number;
      if (time < first || time >= end) continue;
      const id = eventIds[i] as number;
      const steps = stepMasks[id] as number;
      const exclusions = exclusionMasks[id] as number;
      if (everyEvent || steps !== 0 || exclusions !== 0) events.push(time, steps, exclusions);
    }
    if (events.length > 0) visit(events, noProperty);
  }
}

/** `parts` + 1 person indexes from 0 to people, cutting where about an equal share of events lies. */
function personBounds(timeline: PersonTimeline, parts: number): number[] {
  const { starts, people } = timeline;
  const total = starts[people] as number;
  const bounds = [0];
  for (let part = 1; part < parts; part++) {
    const target = (total * part) / parts;
    let low = bounds[bounds.length - 1] as number;
    let high = people;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    bounds.push(low);
  }
  bounds.push(people);
  return bounds;
}

/** What a worker needs: the query, the timeline's shared columns and its people. */
export type TimelineJob = {
  query: FunnelQuery;
  names: readonly string[];
  starts: Uint32Array;
  times: Float64Array;
  eventIds: Uint32Array;
  from: number;
  to: number;
};

function jobOf(timeline: PersonTimeline, query: FunnelQuery, from: number, to: number): TimelineJob {
  const { names, starts, times, eventIds } = timeline;
  return { query, names, starts, times, eventIds, from, to };
}

export type TimelineReply = { id: number; parts: TallyParts } | { id: number; error: string };

/**
 * Each worker is a V8 instance of its own with the fold compiled in it (~0.2 s to start, ~50 MB
 * of memory here): beyond this many, a big server would hold more memory than the split gains.
 */
const MAX_WORKERS = 7;

/**
 * One worker per core beyond the first (at most MAX_WORKERS), started on first use and kept for
 * the process; a worker holds the process open only while it has a job.
 */
class TimelineWorkers {
  readonly size = Math.min(MAX_WORKERS, Math.max(0, availableParallelism() - 1));
  private readonly workers: (Worker | undefined)[] = [];
  private readonly waiting = new Map<number, { settle: (reply: TimelineReply) => void; worker: Worker }>();
  private nextId = 0;

  run(index: number, job: TimelineJob): Promise<TallyParts> {
    const worker = this.workerAt(index);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const settle = (reply: TimelineReply): void => {
        this.waiting.delete(id);
        if (![...this.waiting.values()].some((w) => w.worker === worker)) worker.unref();
        if ("parts" in reply) resolve(reply.parts);
        else reject(new Error(`funnel worker: ${reply.error}`));
      };
      this.waiting.set(id, { settle, worker });
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  private workerAt(index: number): Worker {
    const existing = this.workers[index];
    if (existing) return existing;
    const worker = new Worker(new URL("./timeline-funnel-worker.mjs", import.meta.url));
    worker.unref();
    worker.on("message", (reply: TimelineReply) => this.waiting.get(reply.id)?.settle(reply));
    const fail = (error: string): void => {
      this.workers[index] = undefined;
      for (const [id, waiting] of this.waiting) if (waiting.worker === worker) waiting.settle({ id, error });
    };
    worker.on("error", (error) => fail(error.message));
    worker.on("exit", (code) => fail(`stopped with exit code ${code}`));
    this.workers[index] = worker;
    return worker;
  }
}

const workers = new TimelineWorkers();

/** The worker's side (timeline-funnel-worker.ts): one job, its tally parts. */
export function runTimelineJob(job: TimelineJob): TallyParts {
  const timeline = new PersonTimeline(job.names, job.starts, job.times, job.eventIds);
  return tallyPeople(timeline, job.query, job.from, job.to).parts();
}
