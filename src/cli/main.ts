import { runCli } from "./run-cli.js";

/** Entry point of the `tropa` command (bin/tropa.mjs, `tsx src/cli/main.ts`). */
process.exitCode = await runCli(process.argv.slice(2));
