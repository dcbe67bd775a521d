import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, newContext, startFreshTropa, type Tropa } from "./harness.js";

const OWNER = { name: "Olga Owner", email: "olga@example.test", password: "owner password 1" };
const COLLEAGUE = { name: "Ivan Colleague", email: "ivan@example.test", password: "colleague password 1" };

/**
 * Accounts in the browser: the first visitor of a fresh server sets up the owner, the owner invites a
 * colleague by a copied link, the colleague signs up through it and works in the workspace as an editor;
 * a wrong password is refused with a message, and signing out returns to the sign-in screen.
 */
describe.skipIf(!browserAvailable)("accounts and invitations", () => {
  let tropa: Omit<Tropa, "owner">;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let owner: Page;
  let colleague: Page;
  let invitationUrl: string;
  const errors: Error[] = [];

  const openPage = async (context: BrowserContext) => {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (error) => errors.push(error));
    return page;
  };
  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

  beforeAll(async () => {
    tropa = await startFreshTropa();
    browser = await launchBrowser();
    ownerContext = await newContext(browser);
    await ownerContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: tropa.url });
    owner = await openPage(ownerContext);
  });

  afterAll(async () => {
    await browser?.close();
    await tropa?.stop();
  });

  it("lets the first visitor create the owner account and lands them in the demo workspace", async () => {
    await owner.goto(tropa.url);
    await owner.getByRole("heading", { name: "Welcome to Tropa" }).waitFor();
    await field(owner, "Your name").fill(OWNER.name);
    await field(owner, "Email").fill(OWNER.email);
    await field(owner, "Password").fill(OWNER.password);
    await owner.getByRole("button", { name: "Create owner account" }).click();

    await owner.getByRole("heading", { name: "Journey maps" }).waitFor();
    expect(await owner.getByRole("button", { name: `Account of ${OWNER.name}` }).isVisible()).toBe(true);
    expect(await owner.getByRole("button", { name: "Demo workspace" }).isVisible()).toBe(true);
    // The demo workspace came with its maps, and they are the owner's now.
    await expect.poll(() => owner.locator(".map-tile").count()).toBeGreaterThan(0);
  });

  it("lets the owner create an editor's invitation link and copy it", async () => {
    await owner.getByRole("link", { name: "Members" }).click();
    await owner.getByRole("heading", { name: "Members" }).waitFor();
    await owner.getByLabel("Role", { exact: true }).selectOption("editor");
    await owner.getByRole("button", { name: "Create link" }).click();
    await owner.getByText("Copy the link now — it is shown only once.").waitFor();
    await owner.getByRole("button", { name: "Copy link" }).click();
    await owner.getByRole("button", { name: "Copied" }).waitFor();

    invitationUrl = await owner.evaluate(() => navigator.clipboard.readText());
    expect(invitationUrl).toMatch(/#\/invite\/[A-Za-z0-9_-]{20,}$/);
    expect(await owner.getByLabel("Invitation link").inputValue()).toBe(invitationUrl);
    const pending = owner.getByRole("region", { name: "Pending invitations" });
    await expect.poll(() => pending.getByRole("listitem").count()).toBe(1);
    expect(await pending.getByRole("listitem").textContent()).toMatch(/Editor.*by Olga Owner/);
  });

  it("lets the colleague open the link in another browser, sign up and land in the workspace as editor", async () => {
    colleague = await openPage(await newContext(browser));
    await colleague.goto(invitationUrl);
    await colleague.getByRole("heading", { name: "Join “Demo workspace”" }).waitFor();
    expect(await colleague.getByText("Olga Owner invited you to join as an editor.").isVisible()).toBe(true);

    await field(colleague, "Your name").fill(COLLEAGUE.name);
    await field(colleague, "Email").fill(COLLEAGUE.email);
    await field(colleague, "Password").fill(COLLEAGUE.password);
    await colleague.getByRole("button", { name: "Create account and join" }).click();

    await colleague.getByRole("heading", { name: "Journey maps" }).waitFor();
    expect(colleague.url()).toMatch(/#\/$/);
    expect(await colleague.getByRole("button", { name: "Demo workspace" }).isVisible()).toBe(true);
    await expect.poll(() => colleague.locator(".map-tile").count()).toBeGreaterThan(0);

    await colleague.getByRole("link", { name: "Members" }).click();
    const me = colleague.getByRole("listitem").filter({ hasText: COLLEAGUE.email });
    await me.waitFor();
    expect(await me.textContent()).toMatch(/Ivan Colleague \(you\).*Editor/);
    // Editors see the members but manage nobody.
    expect(await colleague.getByRole("combobox", { name: /^Role of / }).count()).toBe(0);
  });

  it("shows the owner the new editor, and the used link no longer works", async () => {
    await owner.reload();
    const role = owner.getByRole("combobox", { name: `Role of ${COLLEAGUE.name}` });
    await expect.poll(() => role.inputValue()).toBe("editor");
    const pending = owner.getByRole("region", { name: "Pending invitations" });
    await pending.getByText("No pending invitations.").waitFor();

    const stranger = await openPage(await newContext(browser));
    await stranger.goto(invitationUrl);
    await stranger.getByRole("heading", { name: "This invitation link does not work any more" }).waitFor();
    expect(await stranger.getByRole("button", { name: "Create account and join" }).count()).toBe(0);
  });

  it("returns to the sign-in screen on sign out", async () => {
    await colleague.getByRole("button", { name: `Account of ${COLLEAGUE.name}` }).click();
    expect(await colleague.getByRole("menu").textContent()).toContain(COLLEAGUE.email);
    await colleague.getByRole("menuitem", { name: "Sign out" }).click();
    await colleague.getByRole("heading", { name: "Sign in to Tropa" }).waitFor();
    // The session is gone on the server too, not only from the screen.
    await colleague.reload();
    await colleague.getByRole("heading", { name: "Sign in to Tropa" }).waitFor();
  });

  it("refuses a wrong password with a message, then signs in with the right one", async () => {
    await field(colleague, "Email").fill(COLLEAGUE.email);
    await field(colleague, "Password").fill("not the password");
    await colleague.getByRole("button", { name: "Sign in" }).click();
    await colleague.getByRole("alert").filter({ hasText: "The email or password is wrong." }).waitFor();
    expect(await colleague.getByRole("heading", { name: "Sign in to Tropa" }).isVisible()).toBe(true);
    // No mail is sent, so the way back in is named on the screen.
    expect(await colleague.getByText("tropa reset-password <your email>", { exact: false }).isVisible()).toBe(
      true,
    );

    await field(colleague, "Password").fill(COLLEAGUE.password);
    await colleague.getByRole("button", { name: "Sign in" }).click();
    await colleague.getByRole("button", { name: `Account of ${COLLEAGUE.name}` }).waitFor();
    expect(errors).toEqual([]);
  });
});
