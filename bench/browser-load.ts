import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const VIEWPORT = { width: 1440, height: 900 };
/** A user edits a card every few seconds; the pause lets the editor's 800 ms autosave run between edits. */
const PAUSE_BETWEEN_EDITS_MS = 1000;

export interface BrowserTimes {
  /**
   * Navigation start → all cards in the DOM, the last one laid out, and that frame painted; one per fresh
   * browser context. Cells out of view stay unpainted where the page says so (content-visibility: auto).
   */
  openMs: number[];
  /** Navigation start → the map's JSON fully received (GET /api/maps/:id); empty for the static page. */
  mapDataMs: number[];
  /** Enter pressed in a card's text box → the card shows the new text and the next frame is painted. */
  editMs: number[];
}

export interface BrowserResult {
  chromium: string;
  tropa: BrowserTimes;
  plain: BrowserTimes;
}

export interface BrowserTarget {
  label: string;
  url: string;
  cardCount: number;
  /** Card ids to edit, spread over the map. */
  editCardIds: string[];
  /** The session cookie the page needs (the editor's API calls are signed in); none for the static page. */
  cookie?: { name: string; value: string };
}

type Log = (message: string) => void;

declare global {
  interface Window {
    benchOpenedAt?: number;
    benchRepaint?: Promise<number>;
    benchArmRepaint?: (cardId: string, text: string) => void;
  }
}

/*
 * The in-page probes, installed at document start. They are a plain JavaScript string because functions
 * compiled by tsx may carry helper calls (e.g. __name) that do not exist inside the page.
 * - benchOpenedAt: ms from navigation start until the last expected card is laid out, after the next paint.
 * - benchArmRepaint(cardId, text) makes benchRepaint resolve with the ms from the next Enter keydown until
 *   that card shows `text`, after the next paint.
 */
function probes(cardCount: number): string {
  return `(() => {
    const afterNextPaint = (done) => requestAnimationFrame(() => setTimeout(done, 0));
    const check = () => {
      const cards = document.querySelectorAll("[data-card-id]");
      const last = cards[cards.length - 1];
      if (cards.length >= ${cardCount} && last && last.getBoundingClientRect().height > 0) {
        setTimeout(() => { window.benchOpenedAt = performance.now(); }, 0);
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
    window.benchArmRepaint = (cardId, text) => {
      window.benchRepaint = new Promise((resolve) => {
        let start = 0;
        const onKey = (event) => {
          if (event.key !== "Enter") return;
          start = event.timeStamp;
          removeEventListener("keydown", onKey, true);
        };
        addEventListener("keydown", onKey, true);
        const selector = '[data-card-id="' + cardId + '"] button.card-text';
        const observer = new MutationObserver(() => {
          if (start === 0 || document.querySelector(selector)?.textContent !== text) return;
          observer.disconnect();
          afterNextPaint(() => resolve(performance.now() - start));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    };
  })()`;
}

/** Goal 2: opens each page `loads` times, each in a fresh context, then edits its cards one by one. */
export async function runBrowserLoad(
  targets: { tropa: BrowserTarget; plain: BrowserTarget },
  options: { loads: number; log: Log },
): Promise<BrowserResult> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  try {
    const tropa: BrowserTimes = { openMs: [], mapDataMs: [], editMs: [] };
    const plain: BrowserTimes = { openMs: [], mapDataMs: [], editMs: [] };
    // Loads alternate between the two pages, so a busy moment on the machine hits both alike.
    for (let i = 0; i < options.loads; i++) {
      await measureOpen(browser, targets.tropa, tropa, `${i + 1}/${options.loads}`, options.log);
      await measureOpen(browser, targets.plain, plain, `${i + 1}/${options.loads}`, options.log);
    }
    tropa.editMs = await measureEdits(browser, targets.tropa, options.log);
    plain.editMs = await measureEdits(browser, targets.plain, options.log);
    return { chromium: browser.version(), tropa, plain };
  } finally {
    await browser.close();
  }
}

async function measureOpen(
  browser: Browser,
  target: BrowserTarget,
  times: BrowserTimes,
  progress: string,
  log: Log,
): Promise<void> {
  const opened = await openPage(browser, target);
  const openMs = await openedAt(opened, target);
  times.openMs.push(openMs);
  const dataAt = await mapDataReceivedAt(opened.page);
  if (dataAt !== undefined) times.mapDataMs.push(dataAt);
  await opened.close();
  log(`${target.label}: open ${progress} took ${Math.round(openMs)} ms`);
}

async function measureEdits(browser: Browser, target: BrowserTarget, log: Log): Promise<number[]> {
  const opened = await openPage(browser, target);
  await openedAt(opened, target);
  const editMs = await editCards(opened.page, target, log);
  await opened.close();
  return editMs;
}

interface OpenedPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context per load: nothing cached, as for a colleague opening a shared link. */
async function openPage(browser: Browser, target: BrowserTarget): Promise<OpenedPage> {
  const context = await browser.newContext({ locale: "en-US", viewport: VIEWPORT });
  await context.addInitScript({ content: probes(target.cardCount) });
  if (target.cookie) await context.addCookies([{ ...target.cookie, url: new URL(target.url).origin }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(target.url);
  return { page, errors, close: () => context.close() };
}

async function openedAt({ page, errors }: OpenedPage, target: BrowserTarget): Promise<number> {
  try {
    await page.waitForFunction(() => window.benchOpenedAt !== undefined, null, { timeout: 30_000 });
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelectorAll("[data-card-id]").length);
    throw new Error(
      `${target.label} at ${target.url} showed ${shown} of ${target.cardCount} cards within 30 s` +
        (errors.length > 0 ? `; page errors: ${errors.join("; ")}` : ""),
      { cause: error },
    );
  }
  return (await page.evaluate(() => window.benchOpenedAt)) ?? Number.NaN;
}

async function mapDataReceivedAt(page: Page): Promise<number | undefined> {
  return page.evaluate(
    () =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((entry) =>
        new URL(entry.name).pathname.startsWith("/api/maps/"),
      )?.responseEnd,
  );
}

async function editCards(page: Page, target: BrowserTarget, log: Log): Promise<number[]> {
  const times: number[] = [];
  for (const [index, cardId] of target.editCardIds.entries()) {
    const text = `Benchmark edit ${index + 1} of card ${cardId}`;
    await page.locator(`[data-card-id="${cardId}"] button.card-text`).click();
    const textbox = page.getByRole("textbox", { name: "Card text" });
    await textbox.fill(text);
    await page.evaluate(([id, newText]) => window.benchArmRepaint?.(id, newText), [cardId, text] as const);
    await textbox.press("Enter");
    times.push((await page.evaluate(() => window.benchRepaint)) ?? Number.NaN);
    if ((index + 1) % 5 === 0) log(`${target.label}: edit ${index + 1}/${target.editCardIds.length}`);
    await page.waitForTimeout(PAUSE_BETWEEN_EDITS_MS);
  }
  return times;
}
