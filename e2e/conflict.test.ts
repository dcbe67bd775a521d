import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserAvailable,
  cardTexts,
  createMapFromTemplate,
  openTropaPage,
  storedMap,
  type Tropa,
  type TropaPage,
  waitUntilSaved,
} from "./harness.js";

/**
 * Two people edit the same map. The second save, made on top of an old revision, must be refused with a
 * visible conflict banner instead of silently overwriting the first one.
 */
describe.skipIf(!browserAvailable)("two editors change the same map", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let pageA: Page;
  let pageB: Page;
  let mapId: string;
  let errors: Error[];

  const addCard = async (page: Page, stage: string, text: string) => {
    await page.getByRole("button", { name: `Add card to Customer actions — ${stage}` }).click();
    const field = page.getByRole("textbox", { name: "Card text" });
    await field.fill(text);
    await field.press("Enter");
  };
  const card = (page: Page, text: string) => page.getByRole("button", { name: text, exact: true });
  const conflictBanner = (page: Page) =>
    page.getByRole("alert").filter({ hasText: "This map was changed elsewhere — reload" });

  beforeAll(async () => {
    session = await openTropaPage();
    ({ tropa, page: pageA, errors } = session);
    mapId = (await createMapFromTemplate(tropa, "model-online-product", "en")).map.id;
    // Two contexts: two people (or two windows), each with its own copy of the map in memory.
    pageB = await session.openPage();
    for (const page of [pageA, pageB]) {
      await page.goto(`${tropa.url}/#/maps/${mapId}`);
      await page.getByRole("button", { name: "Add card to Customer actions — Landing" }).waitFor();
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  it("saves the first editor's card", async () => {
    await addCard(pageA, "Landing", "Edited in tab A");
    await waitUntilSaved(pageA);
    const { map, revision } = await storedMap(tropa, mapId);
    expect(revision).toBe(2);
    expect(cardTexts(map, "Customer actions")[1]).toEqual(["Edited in tab A"]);
  });

  it("refuses the second editor's stale save with a conflict banner", async () => {
    expect(await card(pageB, "Edited in tab A").count()).toBe(0);
    await addCard(pageB, "Payment", "Edited in tab B");
    await conflictBanner(pageB).waitFor({ timeout: 15_000 });
    expect(await conflictBanner(pageB).getByRole("button", { name: "Reload" }).isVisible()).toBe(true);
    await expect
      .poll(() => pageB.getByRole("status").filter({ hasText: "Not saved: changed elsewhere" }).count())
      .toBe(1);
    // The local edit stays on screen, so the user can copy it before reloading.
    expect(await card(pageB, "Edited in tab B").count()).toBe(1);
  });

  it("keeps the first editor's work on the server", async () => {
    const { map, revision } = await storedMap(tropa, mapId);
    expect(revision).toBe(2);
    const texts = cardTexts(map, "Customer actions");
    expect(texts[1]).toEqual(["Edited in tab A"]);
    expect(texts.flat()).not.toContain("Edited in tab B");
  });

  it("shows the first editor's card after Reload, and saves again from there", async () => {
    await conflictBanner(pageB).getByRole("button", { name: "Reload" }).click();
    await card(pageB, "Edited in tab A").waitFor();
    expect(await conflictBanner(pageB).count()).toBe(0);
    expect(await card(pageB, "Edited in tab B").count()).toBe(0);

    await addCard(pageB, "Payment", "Second try from tab B");
    await waitUntilSaved(pageB);
    const { map, revision } = await storedMap(tropa, mapId);
    expect(revision).toBe(3);
    const texts = cardTexts(map, "Customer actions");
    expect(texts[1]).toEqual(["Edited in tab A"]);
    expect(texts[3]).toEqual(["Second try from tab B"]);
    expect(errors).toEqual([]);
  });
});
