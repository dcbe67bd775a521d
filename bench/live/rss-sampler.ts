import { readFileSync } from "node:fs";

/** Resident memory of a process in MiB, from /proc/<pid>/status (VmRSS); null once it is gone. */
export function readRssMiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the value at start, the peak and the last. */
export function sampleRss(
  pid: number,
  everyMs = 200,
): () => { startMiB: number; peakMiB: number; endMiB: number } {
  const start = readRssMiB(pid) ?? 0;
  let peak = start;
  let last = start;
  const timer = setInterval(() => {
    const value = readRssMiB(pid);
    if (value === null) return;
    last = value;
    peak = Math.max(peak, value);
  }, everyMs);
  return () => {
    clearInterval(timer);
    last = readRssMiB(pid) ?? last;
    return { startMiB: start, peakMiB: Math.max(peak, last), endMiB: last };
  };
}
