import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started: above the core count, other work competed for the CPU. */
  loadAverage: number;
}

/** What the numbers were measured on; they only mean something next to this. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${distributionName() ?? os.type()} (${os.platform()} ${os.release()}, ${os.arch()})`,
    node: process.version,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

function distributionName(): string | undefined {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1];
  } catch {
    return undefined;
  }
}
