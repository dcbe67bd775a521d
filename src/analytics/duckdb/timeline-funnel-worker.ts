import { parentPort } from "node:worker_threads";
import { runTimelineJob, type TimelineJob, type TimelineReply } from "./timeline-funnel.js";

/** A worker of timeline-funnel.ts: tallies the people of each job it is sent. */
parentPort?.on("message", ({ id, job }: { id: number; job: TimelineJob }) => {
  let reply: TimelineReply;
  try {
    reply = { id, parts: runTimelineJob(job) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
