import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserAvailable,
  createMapFromTemplate,
  openTropaPage,
  storedMap,
  type Tropa,
  type TropaPage,
  waitUntilSaved,
} from "./harness.js";

const TEMPLATE_STAGES = ["Saw the ad", "Landing", "Registration", "Payment", "Access", "Renewal"];
const TEMPLATE_LANES = [
  "Customer actions",
  "Questions and thoughts",
  "Touchpoints",
  "Emotions",
  "Technical barriers",
  "Emotional barriers",
  "Opportunities",
  "Metrics",
];

/** The whole structure of a map can be rearranged without a mouse, and every step can be undone. */
describe.skipIf(!browserAvailable)("editing a map by keyboard", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let page: Page;
  let mapId: string;
  let errors: Error[];

  const shownStages = () => page.locator(".stage-header .stage-name-button").allTextContents();
  const shownLanes = () => page.locator(".lane-header .lane-title-button").allTextContents();
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
  /** Focus, then the key: what a keyboard user does after tabbing to a control. */
  const pressOn = async (name: string, key: string) => {
    const control = page.getByRole("button", { name, exact: true });
    await control.focus();
    await control.press(key);
  };
  /** A moved header re-mounts and gets focus back a frame later; the next key must wait for it. */
  const pressOnFocused = async (key: string, focused: string) => {
    await expect.poll(focusedText).toBe(focused);
    await page.keyboard.press(key);
  };
  const expectStored = async (stages: string[], lanes: string[]) => {
    const names = async () => {
      const { map } = await storedMap(tropa, mapId);
      return { stages: map.stages.map((stage) => stage.name), lanes: map.lanes.map((lane) => lane.title) };
    };
    await expect.poll(names, { timeout: 15_000 }).toEqual({ stages, lanes });
    await waitUntilSaved(page);
  };

  beforeAll(async () => {
    session = await openTropaPage();
    ({ tropa, page, errors } = session);
    mapId = (await createMapFromTemplate(tropa, "model-online-product", "en")).map.id;
    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    await page.getByRole("button", { name: "Move stage Landing left" }).waitFor();
    expect(await shownStages()).toEqual(TEMPLATE_STAGES);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("moves a stage with its move buttons, keeping focus on the stage", async () => {
    await pressOn("Move stage Landing left", "Enter");
    const moved = ["Landing", "Saw the ad", "Registration", "Payment", "Access", "Renewal"];
    await expect.poll(shownStages).toEqual(moved);
    await expect.poll(focusedText).toBe("Landing");
    await expectStored(moved, TEMPLATE_LANES);
  });

  it("moves a focused stage header with Alt+Arrow", async () => {
    // Focus stayed on the "Landing" header after the previous move.
    await pressOnFocused("Alt+ArrowRight", "Landing");
    await expect.poll(shownStages).toEqual(TEMPLATE_STAGES);
    await pressOnFocused("Alt+ArrowRight", "Landing");
    const moved = ["Saw the ad", "Registration", "Landing", "Payment", "Access", "Renewal"];
    await expect.poll(shownStages).toEqual(moved);
    await expect.poll(focusedText).toBe("Landing");
    await expectStored(moved, TEMPLATE_LANES);
  });

  it("moves lanes with their buttons and with Alt+Arrow", async () => {
    await pressOn("Move lane Customer actions down", " ");
    await expect
      .poll(shownLanes)
      .toEqual(["Questions and thoughts", "Customer actions", ...TEMPLATE_LANES.slice(2)]);
    await pressOnFocused("Alt+ArrowDown", "Customer actions");
    const lanes = ["Questions and thoughts", "Touchpoints", "Customer actions", ...TEMPLATE_LANES.slice(3)];
    await expect.poll(shownLanes).toEqual(lanes);
    await expectStored(["Saw the ad", "Registration", "Landing", "Payment", "Access", "Renewal"], lanes);

    await pressOn("Touchpoints", "Alt+ArrowUp");
    await pressOnFocused("Alt+ArrowUp", "Touchpoints");
    await pressOnFocused("Alt+ArrowDown", "Touchpoints");
    await pressOnFocused("Alt+ArrowDown", "Touchpoints");
    await expect
      .poll(shownLanes)
      .toEqual(["Questions and thoughts", "Customer actions", "Touchpoints", ...TEMPLATE_LANES.slice(3)]);
  });

  it("adds a stage and names it", async () => {
    await pressOn("Add stage", "Enter");
    const name = page.getByRole("textbox", { name: "Stage name" });
    await expect.poll(() => name.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type("Upsell");
    await page.keyboard.press("Enter");
    const stages = ["Saw the ad", "Registration", "Landing", "Payment", "Access", "Renewal", "Upsell"];
    await expect.poll(shownStages).toEqual(stages);
    await expectStored(stages, [
      "Questions and thoughts",
      "Customer actions",
      "Touchpoints",
      ...TEMPLATE_LANES.slice(3),
    ]);
  });

  it("deletes a stage after confirming", async () => {
    const confirmations: string[] = [];
    page.once("dialog", (dialog) => {
      confirmations.push(dialog.message());
      void dialog.accept();
    });
    await pressOn("Delete stage Access", "Enter");
    const stages = ["Saw the ad", "Registration", "Landing", "Payment", "Renewal", "Upsell"];
    await expect.poll(shownStages).toEqual(stages);
    expect(confirmations).toEqual([expect.stringContaining("Delete the stage “Access”")]);
    await expectStored(stages, [
      "Questions and thoughts",
      "Customer actions",
      "Touchpoints",
      ...TEMPLATE_LANES.slice(3),
    ]);
  });

  it("keeps a stage when the deletion is cancelled", async () => {
    page.once("dialog", (dialog) => void dialog.dismiss());
    await pressOn("Delete stage Renewal", "Enter");
    await expect
      .poll(() => page.getByRole("button", { name: "Delete stage Renewal" }).isVisible())
      .toBe(true);
    expect(await shownStages()).toContain("Renewal");
  });

  it("undoes with Ctrl+Z and redoes with Ctrl+Shift+Z", async () => {
    const lanes = ["Questions and thoughts", "Customer actions", "Touchpoints", ...TEMPLATE_LANES.slice(3)];
    // Ctrl+Z inside a text field is the field's own undo; start from no focused field.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Control+z");
    const withAccess = ["Saw the ad", "Registration", "Landing", "Payment", "Access", "Renewal", "Upsell"];
    await expect.poll(shownStages).toEqual(withAccess);
    await expectStored(withAccess, lanes);

    await page.keyboard.press("Control+z");
    const unnamed = [...withAccess.slice(0, 6), "Stage 7"];
    await expect.poll(shownStages).toEqual(unnamed);
    await expectStored(unnamed, lanes);

    await page.keyboard.press("Control+Shift+z");
    await page.keyboard.press("Control+Shift+z");
    const redone = ["Saw the ad", "Registration", "Landing", "Payment", "Renewal", "Upsell"];
    await expect.poll(shownStages).toEqual(redone);
    await expectStored(redone, lanes);
    expect(await page.getByRole("button", { name: "Redo" }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  // A stage brought back by redo must not open its rename field: the next Ctrl+Shift+Z would go to it.
  it("redoes an added stage without opening its rename field", async () => {
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect
      .poll(shownStages)
      .toEqual(["Saw the ad", "Registration", "Landing", "Payment", "Access", "Renewal"]);

    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => page.getByRole("button", { name: "Delete stage Stage 7" }).count()).toBe(1);
    expect(await page.getByRole("textbox", { name: "Stage name" }).count()).toBe(0);
    await page.keyboard.press("Control+Shift+z");
    await page.keyboard.press("Control+Shift+z");
    await expect
      .poll(shownStages)
      .toEqual(["Saw the ad", "Registration", "Landing", "Payment", "Renewal", "Upsell"]);
  });
});
