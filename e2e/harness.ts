import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import type { JourneyMap } from "../src/domain/journey-map.js";
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

export interface TropaPage {
  tropa: Tropa;
  browser: Browser;
  page: Page;
  /** Errors thrown by the scripts of every page opened here; a test expects none. */
  errors: Error[];
  /** The messages of the dialogs dismissed on the way (only with `dismissDialogs`). */
  dialogs: string[];
  /** Another page in a context of its own: a second person on the same server. */
  openPage(): Promise<Page>;
  close(): Promise<void>;
}

interface TropaPageOptions {
  /** How long a page action may take, in ms; a broken page should fail fast rather than at the test timeout. */
  timeout?: number;
  /** Dismiss every alert/confirm and record it, for tests where any dialog is a failure. */
  dismissDialogs?: boolean;
}

/** A fresh Tropa server and a browser page on it, collecting the page's errors; `close()` ends both. */
export async function openTropaPage({
  timeout = 10_000,
  dismissDialogs = false,
}: TropaPageOptions = {}): Promise<TropaPage> {
  const tropa = await startTropa();
  const errors: Error[] = [];
  const dialogs: string[] = [];
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await tropa.stop();
  };
  try {
    const launched = await launchBrowser();
    browser = launched;
    const openPage = async () => {
      const page = await (await newContext(launched)).newPage();
      page.setDefaultTimeout(timeout);
      page.on("pageerror", (error) => errors.push(error));
      if (dismissDialogs) {
        page.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
      }
      return page;
    };
    const page = await openPage();
    return { tropa, browser: launched, page, errors, dialogs, openPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** JSON from the Tropa HTTP API; a non-2xx answer throws, naming the method, path and status. */
export async function apiJson<T>(tropa: Tropa, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(tropa.url + path, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
  });
  if (!response.ok) {
    throw new Error(`${init?.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** The id of the workspace the UI shows (the first one, the seeded demo workspace on a fresh server). */
export async function workspaceIdOf(tropa: Tropa): Promise<string> {
  const [first] = await apiJson<Array<{ id: string }>>(tropa, "/api/workspaces");
  if (!first) throw new Error("the server has no workspace");
  return first.id;
}

/** Creates a map from a built-in template through the API, for tests whose subject is not map creation. */
export async function createMapFromTemplate(tropa: Tropa, templateId: string, lang: "en" | "ru") {
  const workspaceId = await workspaceIdOf(tropa);
  return apiJson<{ map: JourneyMap; revision: number }>(tropa, `/api/workspaces/${workspaceId}/maps`, {
    method: "POST",
    body: JSON.stringify({ templateId, lang }),
  });
}

/** The stored map and its revision, as another client would see it. */
export async function storedMap(tropa: Tropa, mapId: string) {
  return apiJson<{ map: JourneyMap; revision: number }>(tropa, `/api/maps/${mapId}`);
}

/**
 * Waits until the editor's save indicator says "Saved" (English UI). The indicator turns to "Unsaved" in an
 * effect after the edit is painted, so let two frames pass first or a fresh edit could still read "Saved".
 */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const status = page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved|Error|Not saved/ });
  await expect.poll(() => status.first().textContent(), { timeout: 15_000 }).toMatch(/^\s*Saved\s*$/);
}

/** The texts of all cards of one lane, stage by stage, as stored. */
export function cardTexts(map: JourneyMap, laneTitle: string): string[][] {
  const lane = map.lanes.find((candidate) => candidate.title === laneTitle);
  if (!lane || !("cells" in lane)) throw new Error(`the map has no card lane "${laneTitle}"`);
  return map.stages.map((stage) => (lane.cells[stage.id] ?? []).map((card) => card.text));
}
