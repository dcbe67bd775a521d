import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiJson,
  browserAvailable,
  cardTexts,
  createMapFromTemplate,
  openTropaPage,
  storedMap,
  type Tropa,
  type TropaPage,
  waitUntilSaved,
} from "./harness.js";

interface VersionInfo {
  revision: number;
  name: string | null;
}

/** Every save is a version: name one, look at an old one read-only, bring it back as a new version. */
describe.skipIf(!browserAvailable)("a map's version history", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let page: Page;
  let mapId: string;
  let errors: Error[];

  const versions = () => apiJson<VersionInfo[]>(tropa, `/api/maps/${mapId}/versions`);
  const card = (text: string) => page.getByRole("button", { name: text, exact: true });
  const addCard = async (stage: string, text: string) => {
    await page.getByRole("button", { name: `Add card to Customer actions — ${stage}` }).click();
    const field = page.getByRole("textbox", { name: "Card text" });
    await field.fill(text);
    await field.press("Enter");
    await waitUntilSaved(page);
  };
  const history = () => page.getByRole("complementary", { name: "Version history" });
  const versionItem = (revision: number) =>
    history()
      .getByRole("listitem")
      .filter({ has: page.getByRole("textbox", { name: `Name of version ${revision}`, exact: true }) });

  beforeAll(async () => {
    session = await openTropaPage();
    ({ tropa, page, errors } = session);
    mapId = (await createMapFromTemplate(tropa, "model-online-product", "en")).map.id;
    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    await page.getByRole("button", { name: "Add card to Customer actions — Landing" }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("keeps a version for every save", async () => {
    await addCard("Landing", "First note");
    await addCard("Payment", "Second note");
    const title = page.getByRole("textbox", { name: "Map title" });
    await title.fill("Checkout journey");
    await title.press("Enter");
    await waitUntilSaved(page);

    expect((await versions()).map((version) => version.revision)).toEqual([4, 3, 2, 1]);
    await page.getByRole("button", { name: "Versions" }).click();
    await versionItem(4).waitFor();
    expect(await versionItem(4).getByText("current", { exact: true }).count()).toBe(1);
    expect(await history().getByRole("listitem").count()).toBe(4);
  });

  it("names a version", async () => {
    const name = history().getByRole("textbox", { name: "Name of version 2" });
    await name.fill("Before the payment note");
    await name.press("Enter");
    await expect
      .poll(async () => (await versions()).find((version) => version.revision === 2)?.name)
      .toBe("Before the payment note");
  });

  it("shows an old version read-only", async () => {
    await history().getByRole("button", { name: "View version 2" }).click();
    const banner = page.getByRole("status").filter({ hasText: "You are looking at version 2" });
    await banner.waitFor();
    expect(await banner.textContent()).toContain("Before the payment note");
    expect(await banner.textContent()).toContain("read-only");

    await expect.poll(() => card("Second note").count()).toBe(0);
    expect(await card("First note").isDisabled()).toBe(true);
    expect(await page.getByRole("textbox", { name: "Map title" }).inputValue()).toBe("Online product");
    expect(await page.getByRole("textbox", { name: "Map title" }).getAttribute("readonly")).not.toBeNull();
    expect(await page.getByRole("button", { name: /^Add card to / }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Add stage" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Delete stage / }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Undo" }).isDisabled()).toBe(true);
    // Looking is not changing: the stored map is still the latest one.
    expect((await storedMap(tropa, mapId)).revision).toBe(4);
  });

  it("restores the old version as a new one", async () => {
    const confirmations: string[] = [];
    page.once("dialog", (dialog) => {
      confirmations.push(dialog.message());
      void dialog.accept();
    });
    await history().getByRole("button", { name: "Restore version 2" }).click();
    await versionItem(5).waitFor();
    expect(confirmations).toEqual([expect.stringMatching(/^Restore version 2\?/)]);

    expect(await page.getByRole("status").filter({ hasText: "You are looking at version" }).count()).toBe(0);
    await expect.poll(() => card("First note").isEnabled()).toBe(true);
    expect(await card("Second note").count()).toBe(0);
    expect(await page.getByRole("textbox", { name: "Map title" }).inputValue()).toBe("Online product");
    expect(await versionItem(5).getByText("current", { exact: true }).count()).toBe(1);
    expect(await history().getByRole("listitem").count()).toBe(5);
    expect(await history().getByRole("textbox", { name: "Name of version 2" }).inputValue()).toBe(
      "Before the payment note",
    );

    const { map, revision } = await storedMap(tropa, mapId);
    expect(revision).toBe(5);
    expect(map.title).toBe("Online product");
    expect(cardTexts(map, "Customer actions").flat()).toEqual(["First note"]);
    expect((await versions()).map((version) => version.revision)).toEqual([5, 4, 3, 2, 1]);
    expect(errors).toEqual([]);
  });

  it("keeps editing on top of the restored version", async () => {
    await addCard("Access", "After the restore");
    const { map, revision } = await storedMap(tropa, mapId);
    expect(revision).toBe(6);
    expect(cardTexts(map, "Customer actions").flat()).toEqual(["First note", "After the restore"]);
  });
});
