import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { loadConfig } from "../src/server/config.js";
import { startServer } from "../src/server/start.js";

const CHROMIUM = "/usr/bin/chromium";

/** Browser tests run wherever Debian's chromium is installed; CI demands it (TROPA_REQUIRE_BROWSER=1). */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.TROPA_REQUIRE_BROWSER === "1") {
  throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
}

export interface Tropa {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts a real Tropa server on a free port over a fresh data directory (seeded with the demo workspace). */
export async function startTropa(): Promise<Tropa> {
  const dataDir = mkdtempSync(join(tmpdir(), "tropa-e2e-"));
  const server = await startServer(loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir }));
  return {
    url: server.url,
    dataDir,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A context with a download folder and a fixed locale, so tests see the same UI every time. */
export async function newContext(browser: Browser, locale = "en-US"): Promise<BrowserContext> {
  return browser.newContext({ acceptDownloads: true, locale, viewport: { width: 1440, height: 900 } });
}
