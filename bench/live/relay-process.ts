import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The line yjs-relay.ts prints once it listens, followed by its URL. */
export const RELAY_READY = "BENCH_RELAY_URL ";

export interface RelayProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const RELAY_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "yjs-relay.ts");

/** Starts the bare relay (the peer) in a child process, seeded with the maps in `mapsFile`. */
export function startRelayProcess(mapsFile: string): Promise<RelayProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", RELAY_SCRIPT], {
    env: { ...process.env, RELAY_MAPS_FILE: mapsFile },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the relay did not start within 30 s"));
    }, 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the relay exited with code ${code} before listening`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith(RELAY_READY));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({ url: line.slice(RELAY_READY.length).trim(), pid: child.pid ?? 0, stop });
    });
  });
}
