import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The line bench/serve.ts prints once it listens, followed by its URL. */
export const SERVER_READY = "BENCH_SERVER_URL ";

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const SERVE_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "serve.ts");

/** Starts bench/serve.ts in a child Node process and resolves with its URL once it listens. */
export function startServerProcess(env: { dataDir: string; webDir: string }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVE_SCRIPT], {
    env: { ...process.env, DATA_DIR: env.dataDir, BENCH_WEB_DIR: env.webDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error("the Tropa server did not start within 30 s")), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.once("error", fail);
    child.once("exit", (code) =>
      fail(new Error(`the Tropa server exited with code ${code} before listening`)),
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith(SERVER_READY));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({
        url: line.slice(SERVER_READY.length).trim(),
        pid: child.pid ?? 0,
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
