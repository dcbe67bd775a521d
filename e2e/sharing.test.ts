import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyMap } from "../src/domain/journey-map.js";
import {
  addMember,
  browserAvailable,
  createMapFromTemplate,
  openTropaPage,
  type TropaPage,
} from "./harness.js";

/** An editor shares a map by link; someone without an account opens it read-only, until the link is revoked. */
describe.skipIf(!browserAvailable)("sharing a map by a public link", () => {
  let session: TropaPage;
  let map: JourneyMap;
  let editor: Page;
  let visitor: Page;
  let link: string;

  beforeAll(async () => {
    session = await openTropaPage();
    map = (await createMapFromTemplate(session.tropa, "example-cafe", "en")).map;
    editor = await session.openPage(await addMember(session.tropa, "editor"));
    visitor = await session.openPage(null);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("lets an editor create a link in the share dialog and copy it once", async () => {
    await editor.goto(`${session.tropa.url}/#/maps/${map.id}`);
    await editor.getByRole("button", { name: "Share", exact: true }).click();
    const dialog = editor.getByRole("dialog", { name: "Share a read-only link" });
    await expect.poll(() => dialog.getByText("No live links.", { exact: false }).isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Create link" }).click();

    const url = dialog.getByRole("textbox", { name: "Share link" });
    await url.waitFor();
    link = await url.inputValue();
    expect(link).toMatch(new RegExp(`^${session.tropa.url}/#/shared/[A-Za-z0-9_-]{43}$`));
    const hint = link.slice(-4);
    await dialog.getByText(`Link …${hint}`).waitFor();
    await expect.poll(() => dialog.getByText("no expiry").count()).toBe(1);
  });

  it("opens the whole map read-only for someone without an account", async () => {
    await visitor.goto(link);
    await visitor.getByText("Shared with Tropa · read-only").waitFor();
    for (const stage of map.stages) {
      await visitor.getByRole("button", { name: stage.name, exact: true }).first().waitFor();
    }
    const emotion = map.lanes.find((lane) => lane.type === "emotion");
    if (!emotion) throw new Error("the template has no emotion lane");
    const chart = visitor.getByRole("group", { name: `${emotion.title}: emotion curves` });
    const curve = chart.locator(".emotion-curve").first();
    await curve.waitFor();
    expect(await curve.getAttribute("d")).toMatch(/^M/);
    const title = visitor.getByRole("textbox", { name: "Map title" });
    expect(await title.inputValue()).toBe(map.title);
    expect(await title.isEditable()).toBe(false);

    expect(await visitor.getByRole("button", { name: "Add stage" }).count()).toBe(0);
    expect(await visitor.getByRole("button", { name: "Share" }).count()).toBe(0);
    expect(await visitor.getByRole("navigation").count()).toBe(0);
    expect(await visitor.getByRole("link", { name: "Journey maps" }).count()).toBe(0);
  });

  it("shows that a revoked link is no longer available", async () => {
    const dialog = editor.getByRole("dialog", { name: "Share a read-only link" });
    editor.once("dialog", (confirm) => void confirm.accept());
    await dialog.getByRole("button", { name: `Revoke link …${link.slice(-4)}` }).click();
    await dialog.getByText("No live links.", { exact: false }).waitFor();

    await visitor.reload();
    await visitor.getByRole("heading", { name: "This link is no longer available" }).waitFor();
    expect(await visitor.getByText(map.stages[0]?.name ?? "", { exact: true }).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
