import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FunnelQuery } from "../../domain/analytics/funnel-query.js";
import type { PathsQuery } from "../../domain/analytics/paths-query.js";
import type { PersonTimeline } from "./person-timeline.js";

/**
 * What a worker needs: the query, the timeline's shared columns (nothing is copied) and the people
 * [from, to) it handles. timeline-worker.ts runs it.
 */
export type TimelineJob = {
  names: readonly string[];
  starts: Uint32Array;
  times: Float64Array;
  eventIds: Uint32Array;
  from: number;
  to: number;
} & ({ kind: "funnel"; query: FunnelQuery } | { kind: "paths"; query: PathsQuery });

export type TimelineReply = { id: number; result: unknown } | { id: number; error: string };

/**
 * A query over the timeline on every core: its people split by event count between this thread
 * (`local`) and one worker per other core (`job`), each part computed as a whole would be. Returns
 * this thread's part and the workers' results, for the caller to add up.
 */
export async function acrossCores<Local>(
  timeline: PersonTimeline,
  job: (from: number, to: number) => TimelineJob,
  local: (from: number, to: number) => Local,
): Promise<{ local: Local; remote: unknown[] }> {
  const bounds = personBounds(timeline, workers.size + 1);
  const remote = bounds.slice(1, -1).map((from, i) => workers.run(i, job(from, bounds[i + 2] as number)));
  try {
    return { local: local(0, bounds[1] as number), remote: await Promise.all(remote) };
  } catch (error) {
    await Promise.allSettled(remote);
    throw error;
  }
}

/** A job over people [from, to) of the timeline. */
export function timelineJob(
  timeline: PersonTimeline,
  from: number,
  to: number,
): Pick<TimelineJob, "names" | "starts" | "times" | "eventIds" | "from" | "to"> {
  const { names, starts, times, eventIds } = timeline;
  return { names, starts, times, eventIds, from, to };
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

  run(index: number, job: TimelineJob): Promise<unknown> {
    const worker = this.workerAt(index);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const settle = (reply: TimelineReply): void => {
        this.waiting.delete(id);
        if (![...this.waiting.values()].some((w) => w.worker === worker)) worker.unref();
        if ("result" in reply) resolve(reply.result);
        else reject(new Error(`${job.kind} worker: ${reply.error}`));
      };
      this.waiting.set(id, { settle, worker });
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  private workerAt(index: number): Worker {
    const existing = this.workers[index];
    if (existing) return existing;
    const worker = new Worker(new URL("./timeline-worker.mjs", import.meta.url));
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
