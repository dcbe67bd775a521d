import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  addMember,
  browserAvailable,
  createMapFromTemplate,
  openTropaPage,
  type TropaPage,
  waitUntilSaved,
} from "./harness.js";

/** An edit made in the editor shows up in words in the map's Activity drawer and on the workspace page. */
describe.skipIf(!browserAvailable)("the activity log", () => {
  let session: TropaPage;
  let editor: Account;
  let page: Page;
  let mapId: string;
  let mapTitle: string;

  beforeAll(async () => {
    session = await openTropaPage();
    const created = await createMapFromTemplate(session.tropa, "model-online-product", "en");
    mapId = created.map.id;
    mapTitle = created.map.title;
    editor = await addMember(session.tropa, "editor", "Anna Petrova");
    page = await session.openPage(editor);
  });

  afterAll(async () => {
    await session?.close();
  });

  const drawer = () => page.getByRole("complementary", { name: "Activity" });
  const addedLine = () => drawer().getByText("added a card “Compares prices” to Landing");

  it("lists an edit made in the editor in words, with who made it and when", async () => {
    await page.goto(`${session.tropa.url}/#/maps/${mapId}`);
    await page.getByRole("button", { name: "Add card to Customer actions — Landing" }).click();
    const field = page.getByRole("textbox", { name: "Card text" });
    await field.fill("Compares prices");
    await field.press("Enter");
    await waitUntilSaved(page);

    const button = page.getByRole("button", { name: "Activity", exact: true });
    await button.click();
    // Live edits are logged when the room saves, a moment after "Saved"; the open drawer looks again by itself.
    await addedLine().waitFor({ timeout: 15_000 });
    const item = drawer()
      .getByRole("listitem")
      .filter({ hasText: "added a card “Compares prices” to Landing" });
    expect(await item.getByText("Anna Petrova", { exact: true }).isVisible()).toBe(true);
    expect(await item.locator("time").textContent()).toMatch(/just now|minute/);
    expect(session.errors).toEqual([]);
  });

  it("shows the whole workspace's log on #/activity, linking to the map", async () => {
    await page.goto(`${session.tropa.url}/#/activity`);
    await page.getByRole("heading", { name: "Activity", level: 1 }).waitFor();
    const item = page.getByRole("listitem").filter({ hasText: "added a card “Compares prices” to Landing" });
    await item.first().waitFor();
    expect(await item.first().getByRole("link", { name: mapTitle }).getAttribute("href")).toBe(
      `#/maps/${mapId}`,
    );
  });

  it("has no Activity button for a viewer", async () => {
    const viewer = await session.openPage(await addMember(session.tropa, "viewer"));
    await viewer.goto(`${session.tropa.url}/#/maps/${mapId}`);
    await viewer.getByRole("button", { name: "Comments", exact: true }).waitFor();
    expect(await viewer.getByRole("button", { name: "Activity", exact: true }).count()).toBe(0);
  });
});
