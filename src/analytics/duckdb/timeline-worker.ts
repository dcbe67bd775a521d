import { parentPort } from "node:worker_threads";
import type { PersonPath } from "../../domain/analytics/paths-query.js";
import type { TallyParts } from "../funnel-tally-builder.js";
import { PersonTimeline } from "./person-timeline.js";
import { tallyPeople } from "./timeline-funnel.js";
import { countPaths } from "./timeline-paths.js";
import type { TimelineJob, TimelineReply } from "./timeline-workers.js";

/** A worker of timeline-workers.ts: computes its part of each job it is sent. */
parentPort?.on("message", ({ id, job }: { id: number; job: TimelineJob }) => {
  let reply: TimelineReply;
  try {
    reply = { id, result: run(job) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});

function run(job: TimelineJob): TallyParts | PersonPath[] {
  const timeline = new PersonTimeline(job.names, job.starts, job.times, job.eventIds);
  if (job.kind === "funnel") return tallyPeople(timeline, job.query, job.from, job.to).parts();
  return countPaths(timeline, job.query, job.from, job.to).paths();
}
