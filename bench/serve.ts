import { loadConfig } from "../src/server/config.js";
import { startServer } from "../src/server/start.js";
import { SERVER_READY } from "./server-process.js";

/*
 * The real Tropa server in its own process, so the load generator never shares its event loop.
 * DATA_DIR is the bench's fresh temporary folder (embedded SQLite); BENCH_WEB_DIR is the UI the bench built.
 */
const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: process.env.DATA_DIR });
const server = await startServer({ ...config, webDir: process.env.BENCH_WEB_DIR ?? config.webDir });
process.stdout.write(`${SERVER_READY}${server.url}\n`);

process.once("SIGTERM", () => {
  void server.close().finally(() => process.exit(0));
});
