import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import type { JourneyMap } from "../src/domain/journey-map.js";
import type { Me } from "../src/domain/team/account.js";
import type { CreatedInvitation } from "../src/domain/team/invitation.js";
import type { Role } from "../src/domain/team/role.js";
import { loadConfig } from "../src/server/config.js";
import { startServer } from "../src/server/start.js";

const CHROMIUM = "/usr/bin/chromium";

/** Browser tests run wherever Debian's chromium is installed; CI demands it (TROPA_REQUIRE_BROWSER=1). */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.TROPA_REQUIRE_BROWSER === "1") {
  throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
}

/** Someone with a session on the server: the owner, or a member made by `addMember`. */
export interface Account {
  userId: string;
  name: string;
  email: string;
  password: string;
  /** `tropa_session=…`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
}

export interface Tropa {
  url: string;
  dataDir: string;
  /** The owner account, set up through the API as the first visitor would. */
  owner: Account;
  stop(): Promise<void>;
}

export const E2E_PASSWORD = "correct horse battery staple";
const SESSION_COOKIE = "tropa_session";

/** Starts a real Tropa server over a fresh data directory (seeded with the demo workspace) without an owner. */
export async function startFreshTropa(): Promise<Omit<Tropa, "owner">> {
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

/** A fresh server whose owner is set up, so tests whose subject is not signing in start signed in. */
export async function startTropa(): Promise<Tropa> {
  const fresh = await startFreshTropa();
  try {
    const owner = await signedInAccount(fresh.url, "/api/auth/setup", {
      name: "Olga Owner",
      email: "owner@example.test",
      password: E2E_PASSWORD,
    });
    return { ...fresh, owner };
  } catch (error) {
    await fresh.stop();
    throw error;
  }
}

/** Signs `account` in once more through the API: another session, as from a second device. */
export async function signInAgain(tropa: Pick<Tropa, "url">, account: Account): Promise<Account> {
  return signedInAccount(tropa.url, "/api/auth/sign-in", {
    email: account.email,
    password: account.password,
  });
}

/** Sets up, signs in or signs up through the API and keeps the session it starts. */
async function signedInAccount(
  url: string,
  path: string,
  body: { name?: string; email: string; password: string; invitation?: string },
): Promise<Account> {
  const response = await fetch(url + path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  const me = (await response.json()) as Me;
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`) && pair !== `${SESSION_COOKIE}=`);
  if (!cookie) throw new Error(`POST ${path} set no ${SESSION_COOKIE} cookie`);
  return {
    userId: me.user.id,
    name: me.user.name,
    email: me.user.email,
    password: body.password,
    cookie,
    csrfToken: me.csrfToken,
  };
}

let memberCount = 0;

/**
 * A new user with `role` in the owner's first workspace (the one the UI shows): the owner creates an
 * invitation and the new user signs up through it, all over the API.
 */
export async function addMember(tropa: Tropa, role: Role, name?: string): Promise<Account> {
  memberCount += 1;
  const workspaceId = await workspaceIdOf(tropa);
  const invitation = await apiJson<CreatedInvitation>(tropa, `/api/workspaces/${workspaceId}/invitations`, {
    method: "POST",
    body: JSON.stringify({ role }),
  });
  return signedInAccount(tropa.url, "/api/auth/sign-up", {
    name: name ?? `${role[0]?.toUpperCase()}${role.slice(1)} ${memberCount}`,
    email: `${role}-${memberCount}@example.test`,
    password: E2E_PASSWORD,
    invitation: invitation.token,
  });
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

/** Puts `account`'s session cookie into the context: its pages open signed in. */
export async function signInContext(context: BrowserContext, tropa: Pick<Tropa, "url">, account: Account) {
  const value = account.cookie.slice(`${SESSION_COOKIE}=`.length);
  await context.addCookies([
    { name: SESSION_COOKIE, value, url: tropa.url, httpOnly: true, sameSite: "Lax" },
  ]);
}

/** A page in a context of its own, signed in as `account`: another person on the same server. */
export async function signedInPage(browser: Browser, tropa: Tropa, account: Account): Promise<Page> {
  const context = await newContext(browser);
  await signInContext(context, tropa, account);
  return context.newPage();
}

export interface TropaPage {
  tropa: Tropa;
  browser: Browser;
  page: Page;
  /** Errors thrown by the scripts of every page opened here; a test expects none. */
  errors: Error[];
  /** The messages of the dialogs dismissed on the way (only with `dismissDialogs`). */
  dialogs: string[];
  /**
   * Another page in a context of its own: a second window or person on the same server. It is signed in
   * as the owner unless the session's pages are not, or another account (or `null`, nobody) is given.
   */
  openPage(account?: Account | null): Promise<Page>;
  close(): Promise<void>;
}

interface TropaPageOptions {
  /** How long a page action may take, in ms; a broken page should fail fast rather than at the test timeout. */
  timeout?: number;
  /** Dismiss every alert/confirm and record it, for tests where any dialog is a failure. */
  dismissDialogs?: boolean;
  /** Whether the pages open signed in as the owner (default) or as a visitor without a session. */
  signedIn?: boolean;
}

/**
 * A fresh Tropa server (owner set up) and a browser page on it, signed in as the owner unless
 * `signedIn: false`, collecting the page's errors; `close()` ends both.
 */
export async function openTropaPage({
  timeout = 10_000,
  dismissDialogs = false,
  signedIn = true,
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
    const openPage = async (account: Account | null = signedIn ? tropa.owner : null) => {
      const context = await newContext(launched);
      if (account) await signInContext(context, tropa, account);
      const page = await context.newPage();
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

/** A request to the Tropa HTTP API with `account`'s session (the owner's by default) and CSRF token. */
export async function apiFetch(
  tropa: Tropa,
  path: string,
  init?: RequestInit,
  account: Account = tropa.owner,
): Promise<Response> {
  return fetch(tropa.url + path, {
    ...init,
    headers: {
      "content-type": "application/json",
      cookie: account.cookie,
      "x-tropa-csrf": account.csrfToken,
      ...init?.headers,
    },
  });
}

/** JSON from the Tropa HTTP API as `account` (the owner by default); a non-2xx answer throws. */
export async function apiJson<T>(
  tropa: Tropa,
  path: string,
  init?: RequestInit,
  account: Account = tropa.owner,
): Promise<T> {
  const response = await apiFetch(tropa, path, init, account);
  if (!response.ok) {
    throw new Error(`${init?.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** The id of the workspace the UI shows the owner (their first one, the seeded demo workspace). */
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
