import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, openTropaPage, type Tropa, type TropaPage } from "./harness.js";

/**
 * A newcomer's first session: create a map from a template, fill it, find the key barrier, export it to
 * Excel and bring it back, switch to Russian, reload and find everything saved.
 */
describe.skipIf(!browserAvailable)("a newcomer builds a journey map", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let page: Page;
  const downloads = mkdtempSync(join(tmpdir(), "tropa-downloads-"));

  beforeAll(async () => {
    // Playwright's own 30 s action timeout: the exports and the reload take their time.
    session = await openTropaPage({ timeout: 30_000 });
    ({ tropa, page } = session);
    page.on("pageerror", (error) => {
      throw error;
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  const status = () => page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved|Error|Сохран/ });
  const expectSaved = async () => {
    await expect.poll(() => status().first().textContent(), { timeout: 15_000 }).toMatch(/^\s*Saved\s*$/);
  };

  it("creates a map from the online product template", async () => {
    await page.goto(tropa.url);
    await page.getByRole("button", { name: "New map" }).click();
    await page.getByRole("radio", { name: /Online product/ }).check();
    await page.getByLabel("Map language").selectOption("en");
    await page.getByRole("button", { name: "Create map" }).click();
    await page.waitForURL(/#\/maps\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => page.getByText("Online product", { exact: true }).count()).toBeGreaterThan(0);
    await expectSaved();
  });

  it("adds and edits a card, keeping markup as plain text", async () => {
    await page.getByRole("button", { name: "Add card to Customer actions — Landing" }).click();
    const text = page.getByRole("textbox", { name: "Card text" });
    await text.fill("Reads the offer <img src=x onerror=alert(1)>");
    await text.press("Enter");
    const card = page.getByRole("button", { name: /^Reads the offer <img src=x onerror=alert\(1\)>$/ });
    await expect.poll(() => card.count()).toBe(1);
    expect(await page.locator("img[src=x]").count()).toBe(0);
    await expectSaved();
  });

  it("moves an emotion point with the keyboard and the mouse", async () => {
    const point = page.getByRole("slider", { name: /Emotion of .* at Landing/ });
    await point.scrollIntoViewIfNeeded();
    await point.focus();
    await point.press("ArrowUp");
    await point.press("ArrowUp");
    const afterKeys = Number(await point.getAttribute("aria-valuenow"));
    expect(afterKeys).toBeGreaterThan(0);

    const box = await point.boundingBox();
    if (!box) throw new Error("the emotion point is not visible");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 80, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Number(await point.getAttribute("aria-valuenow"))).toBeLessThan(afterKeys);
    await expectSaved();
  });

  it("shows conversions and the key barrier from the people counts", async () => {
    const counts: Array<[string, string]> = [
      ["Saw the ad", "10000"],
      ["Landing", "200"],
      ["Registration", "50"],
      ["Payment", "10"],
      ["Renewal", "7"],
    ];
    for (const [stage, count] of counts) {
      const field = page.getByRole("textbox", { name: `People at ${stage}` });
      await field.scrollIntoViewIfNeeded();
      await field.fill(count);
      await field.press("Tab");
    }
    const note = (from: string, to: string) =>
      page.getByRole("note", { name: new RegExp(`^${from} → ${to}:`) });
    expect(await note("Saw the ad", "Landing").getAttribute("aria-label")).toMatch(/conversion 2\s?%/);
    expect(await note("Landing", "Registration").getAttribute("aria-label")).toMatch(/conversion 25\s?%/);
    expect(await note("Registration", "Payment").getAttribute("aria-label")).toMatch(/conversion 20\s?%/);
    expect(await note("Payment", "Renewal").getAttribute("aria-label")).toMatch(/conversion 70\s?%/);
    await expect.poll(() => page.getByText(/Key barrier: Saw the ad → Landing/).count()).toBeGreaterThan(0);
    await expectSaved();
  });

  it("exports to Excel and imports the file back as a new map", async () => {
    const mapUrl = page.url();
    await page.getByRole("button", { name: "Export" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: /Excel/ }).click(),
    ]);
    const file = join(downloads, download.suggestedFilename());
    expect(file).toMatch(/\.xlsx$/);
    await download.saveAs(file);

    await page.goto(`${tropa.url}/#/`);
    await page.getByLabel(/Import a map file/).setInputFiles(file);
    await page.waitForURL((url) => /#\/maps\//.test(url.hash) && url.href !== mapUrl);
    await expect
      .poll(() =>
        page.getByRole("button", { name: /^Reads the offer <img src=x onerror=alert\(1\)>$/ }).count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText(/Key barrier: Saw the ad → Landing/).count()).toBeGreaterThan(0);
    await page.goto(mapUrl);
  });

  it("switches to Russian, reloads and finds everything saved", async () => {
    await page.getByLabel("Language").selectOption("ru");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("ru");
    await page.reload();
    await expect.poll(() => page.getByLabel("Язык").inputValue()).toBe("ru");
    await expect
      .poll(() =>
        page.getByRole("button", { name: /^Reads the offer <img src=x onerror=alert\(1\)>$/ }).count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText(/Ключевой барьер/).count()).toBeGreaterThan(0);
    const landing = page.getByRole("textbox", { name: /Landing/ }).first();
    expect(await landing.count()).toBe(1);
  });
});
