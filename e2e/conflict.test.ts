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
 * The same map open in two windows (before live editing, the second save was refused as a conflict).
 * Now both windows edit one live document: their edits merge, each sees the other's without reloading,
 * and nothing is lost on the server.
 */
describe.skipIf(!browserAvailable)("one map open in two windows", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let pageA: Page;
  let pageB: Page;
  let mapId: string;

  const addCard = async (page: Page, stage: string, text: string) => {
    await page.getByRole("button", { name: `Add card to Customer actions — ${stage}` }).click();
    const field = page.getByRole("textbox", { name: "Card text" });
    await field.fill(text);
    await field.press("Enter");
  };
  const card = (page: Page, text: string) => page.getByRole("button", { name: text, exact: true });
  const customerActions = async () => cardTexts((await storedMap(tropa, mapId)).map, "Customer actions");

  beforeAll(async () => {
    session = await openTropaPage();
    ({ tropa, page: pageA } = session);
    mapId = (await createMapFromTemplate(tropa, "model-online-product", "en")).map.id;
    pageB = await session.openPage();
    for (const page of [pageA, pageB]) {
      await page.goto(`${tropa.url}/#/maps/${mapId}`);
      await page.getByRole("button", { name: "Add card to Customer actions — Landing" }).waitFor();
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  it("merges edits both windows make at the same time", async () => {
    await Promise.all([
      addCard(pageA, "Landing", "Edited in tab A"),
      addCard(pageB, "Payment", "Edited in tab B"),
    ]);
    for (const page of [pageA, pageB]) {
      await card(page, "Edited in tab A").waitFor({ timeout: 5_000 });
      await card(page, "Edited in tab B").waitFor({ timeout: 5_000 });
      await waitUntilSaved(page);
    }
    const texts = await customerActions();
    expect(texts[1]).toEqual(["Edited in tab A"]);
    expect(texts[3]).toEqual(["Edited in tab B"]);
  });

  it("shows no conflict and keeps saving from either window", async () => {
    expect(await pageB.getByRole("alert").count()).toBe(0);
    await addCard(pageB, "Payment", "Second card from tab B");
    await card(pageA, "Second card from tab B").waitFor({ timeout: 5_000 });
    await waitUntilSaved(pageB);
    expect((await customerActions())[3]).toEqual(["Edited in tab B", "Second card from tab B"]);
    expect(session.errors).toEqual([]);
  });

  it("lets a REST write (restoring a version) reach both open windows", async () => {
    const { revision } = await storedMap(tropa, mapId);
    await pageA.getByRole("button", { name: "Versions" }).click();
    pageA.once("dialog", (dialog) => void dialog.accept());
    await pageA
      .getByRole("complementary", { name: "Version history" })
      .getByRole("button", { name: "Restore version 1" })
      .click();
    for (const page of [pageA, pageB]) {
      await card(page, "Edited in tab A").waitFor({ state: "detached", timeout: 5_000 });
    }
    await expect.poll(async () => (await storedMap(tropa, mapId)).revision).toBeGreaterThan(revision);
    expect((await customerActions()).flat()).toEqual([]);
  });
});
