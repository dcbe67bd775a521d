import { Command } from "commander";
import { type CliIo, processIo } from "./cli-io.js";
import { registerCompare } from "./commands/compare.js";
import { registerExport } from "./commands/export.js";
import { registerFunnel } from "./commands/funnel.js";
import { registerImport } from "./commands/import.js";
import { registerNew } from "./commands/new.js";
import { registerPaths } from "./commands/paths.js";
import { registerResetPassword } from "./commands/reset-password.js";
import { registerServe } from "./commands/serve.js";
import { registerTemplates } from "./commands/templates.js";
import { reportError } from "./report-error.js";

/**
 * Runs `tropa <args>` and resolves to the exit code: 0 ok, 1 bad input or failure, 2 wrong usage.
 * @example process.exitCode = await runCli(["export", "map.json", "--format", "pdf", "-o", "map.pdf"])
 */
export async function runCli(args: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command("tropa")
    .description("Tropa: data-backed customer journey maps")
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(`tropa: ${text.replace(/^error: /, "")}`),
    });
  registerServe(program);
  registerTemplates(program, io);
  registerNew(program, io);
  registerExport(program, io);
  registerImport(program, io);
  registerFunnel(program, io);
  registerPaths(program, io);
  registerCompare(program, io);
  registerResetPassword(program, io);
  try {
    await program.parseAsync(args, { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, io.err);
  }
}
