import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/tropa.mjs", import.meta.url));

export type TropaRun = { code: number; stdout: string; stderr: string };

/** Runs the real `tropa` binary in `cwd`, as a user would, with its own DATA_DIR (`cwd/data`) and no PostgreSQL. */
export function runTropa(cwd: string, args: string[]): Promise<TropaRun> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATA_DIR: path.join(cwd, "data"), DATABASE_URL: "" };
    execFile(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
