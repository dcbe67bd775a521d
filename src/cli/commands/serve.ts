import type { Command } from "commander";
import { loadConfig } from "../../server/config.js";

/** `tropa serve`: the HTTP API and web UI, configured by PORT, HOST, DATA_DIR, DATABASE_URL. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start the Tropa server (settings: PORT, HOST, DATA_DIR, DATABASE_URL)")
    .option("-p, --port <port>", "port to listen on (overrides PORT)")
    .action(async (options: { port?: string }) => {
      const env = options.port ? { ...process.env, PORT: options.port } : process.env;
      const config = loadConfig(env);
      // Loaded here so the other commands do not pay for the whole HTTP stack at start-up.
      const { startServer } = await import("../../server/start.js");
      const server = await startServer(config);
      await untilStopped();
      await server.close();
    });
}

/** Resolves on Ctrl+C or a service manager's SIGTERM, so the store is closed cleanly. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}
