import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyMap } from "../src/domain/journey-map.js";
import type { Persona } from "../src/domain/persona.js";
import {
  apiJson,
  browserAvailable,
  createMapFromTemplate,
  openTropaPage,
  storedMap,
  type Tropa,
  type TropaPage,
  waitUntilSaved,
  workspaceIdOf,
} from "./harness.js";

const STAGES = ["Saw the ad", "Pricing page", "Registration", "Payment", "Access", "Renewal"];

/** A persona is described once and attached to maps; a map's structure can become the team's own template. */
describe.skipIf(!browserAvailable)("personas and workspace templates", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let page: Page;
  let workspaceId: string;
  let mapId: string;
  let errors: Error[];

  const shownStages = () => page.locator(".stage-header .stage-name-button").allTextContents();
  const personas = () => apiJson<Persona[]>(tropa, `/api/workspaces/${workspaceId}/personas`);
  const olga = async () => {
    const found = (await personas()).find((persona) => persona.name === "Olga Petrova");
    if (!found) throw new Error("the persona Olga Petrova is not stored");
    return found;
  };
  const openNewMapDialog = async () => {
    await page.goto(`${tropa.url}/#/`);
    await page.getByRole("button", { name: "New map" }).click();
    const dialog = page.getByRole("dialog", { name: "New journey map" });
    await dialog.getByRole("radio").first().waitFor();
    return dialog;
  };
  const createFrom = async (template: RegExp, lang: "en" | "ru") => {
    const dialog = await openNewMapDialog();
    // The template names follow the map language, so pick the template first.
    await dialog.getByRole("radio", { name: template }).check();
    await dialog.getByLabel("Map language").selectOption(lang);
    const before = page.url();
    await dialog.getByRole("button", { name: "Create map" }).click();
    await page.waitForURL((url) => /#\/maps\//.test(url.hash) && url.href !== before);
    await page.locator(".stage-header").first().waitFor();
    return page.url().split("/").pop() ?? "";
  };

  beforeAll(async () => {
    session = await openTropaPage();
    ({ tropa, page, errors } = session);
    workspaceId = await workspaceIdOf(tropa);
    const created = await createMapFromTemplate(tropa, "model-online-product", "en");
    mapId = created.map.id;
    // A structure no built-in template has, so the workspace template is recognisably this map's.
    const map: JourneyMap = {
      ...created.map,
      title: "Tea club journey",
      stages: created.map.stages.map((stage, index) =>
        index === 1 ? { ...stage, name: "Pricing page" } : stage,
      ),
    };
    await apiJson(tropa, `/api/maps/${mapId}`, {
      method: "PUT",
      body: JSON.stringify({ map, baseRevision: created.revision }),
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it("creates a persona in the persona editor", async () => {
    await page.goto(`${tropa.url}/#/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Personas" }).click();
    await page.getByRole("button", { name: "New persona" }).click();
    const dialog = page.getByRole("dialog", { name: "New persona" });
    await dialog.getByLabel("Name", { exact: true }).fill("Olga Petrova");
    await dialog.getByLabel("Age", { exact: true }).fill("34");
    await dialog.getByLabel("Occupation", { exact: true }).fill("Accountant");
    await dialog.getByLabel("Motivation", { exact: true }).fill("Wants good tea without a trip to the shop");
    await dialog.getByLabel("Pains", { exact: true }).fill("Subscriptions that are hard to cancel");
    await dialog.getByRole("checkbox", { name: "Email" }).check();
    await dialog.getByRole("checkbox", { name: "Messenger" }).check();
    await dialog.getByLabel("Quote", { exact: true }).fill("I want to pause it when I travel.");
    await dialog.getByRole("button", { name: "Save persona" }).click();
    await dialog.waitFor({ state: "detached" });

    const card = page
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { name: "Olga Petrova" }) });
    await card.waitFor();
    const shown = await card.textContent();
    expect(shown).toContain("34 years old · Accountant");
    expect(shown).toContain("I want to pause it when I travel.");
    expect(shown).toContain("Wants good tea without a trip to the shop");
    expect(shown).toContain("Subscriptions that are hard to cancel");
    expect(await card.getByRole("list", { name: "Preferred channels" }).textContent()).toBe("EmailMessenger");

    expect(await olga()).toMatchObject({
      name: "Olga Petrova",
      age: 34,
      occupation: "Accountant",
      motivation: "Wants good tea without a trip to the shop",
      pains: "Subscriptions that are hard to cancel",
      channels: ["email", "messenger"],
      quote: "I want to pause it when I travel.",
    });
  });

  it("attaches the persona to a map", async () => {
    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    await page.getByRole("toolbar", { name: "Map tools" }).getByRole("button", { name: "Personas" }).click();
    const panel = page.getByRole("complementary", { name: "Personas on this map" });
    const entry = panel
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Olga Petrova" }) });
    await entry.getByRole("checkbox", { name: "On this map" }).check();
    await waitUntilSaved(page);

    expect(await page.locator(".map-header").getByText("Olga Petrova").count()).toBe(1);
    expect((await storedMap(tropa, mapId)).map.personaIds).toEqual([(await olga()).id]);
  });

  it("groups the map under its persona in the map list", async () => {
    await page.goto(`${tropa.url}/#/`);
    const group = page.getByRole("region", { name: "Olga Petrova" });
    await group.waitFor();
    expect(await group.getByRole("heading").textContent()).toContain("Accountant");
    expect(await group.getByRole("link").allTextContents()).toEqual(["Tea club journey"]);
    const ungrouped = page.getByRole("region", { name: "No persona" });
    expect(await ungrouped.getByRole("link", { name: "Tea club journey" }).count()).toBe(0);
  });

  it("saves the map as a template and creates a map with the same stages from it", async () => {
    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    await page.getByRole("button", { name: "Save as template" }).click();
    const dialog = page.getByRole("dialog", { name: "Save as template" });
    const name = dialog.getByLabel("Template name");
    expect(await name.inputValue()).toBe("Tea club journey");
    await name.fill("Tea club stages");
    await dialog.getByRole("button", { name: "Save template" }).click();
    await dialog.getByRole("status").filter({ hasText: "Template “Tea club stages” saved." }).waitFor();
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();

    const dialogList = await openNewMapDialog();
    const own = dialogList.getByRole("group", { name: "Your templates" });
    expect(await own.getByRole("radio", { name: /^Tea club stages/ }).count()).toBe(1);
    await dialogList.getByRole("button", { name: "Cancel" }).click();

    const newMapId = await createFrom(/^Tea club stages/, "en");
    expect(newMapId).not.toBe(mapId);
    await expect.poll(shownStages).toEqual(STAGES);
    const { map } = await storedMap(tropa, newMapId);
    expect(map.stages.map((stage) => stage.name)).toEqual(STAGES);
  });

  it("creates a map from a built-in template in Russian with Russian stage names", async () => {
    const russian = ["Увидел рекламу", "Лендинг", "Регистрация", "Оплата", "Доступ", "Продление"];
    const newMapId = await createFrom(/^Online product/, "ru");
    await expect.poll(shownStages).toEqual(russian);
    const { map } = await storedMap(tropa, newMapId);
    expect(map.stages.map((stage) => stage.name)).toEqual(russian);
    expect(map.lanes[0]?.title).toBe("Действия клиента");
    expect(errors).toEqual([]);
  });

  // The server assigns a new persona its id, so the panel must attach the stored id, not the draft's.
  it("attaches a persona created from the map's own persona panel", async () => {
    const { map } = await createMapFromTemplate(tropa, "model-online-product", "en");
    await page.goto(`${tropa.url}/#/maps/${map.id}`);
    await page.getByRole("toolbar", { name: "Map tools" }).getByRole("button", { name: "Personas" }).click();
    const panel = page.getByRole("complementary", { name: "Personas on this map" });
    await panel.getByRole("button", { name: "New persona" }).click();
    const dialog = page.getByRole("dialog", { name: "New persona" });
    await dialog.getByLabel("Name", { exact: true }).fill("Ivan from the panel");
    await dialog.getByRole("button", { name: "Save persona" }).click();
    await dialog.waitFor({ state: "detached" });
    await waitUntilSaved(page);

    const ivan = (await personas()).find((persona) => persona.name === "Ivan from the panel");
    expect((await storedMap(tropa, map.id)).map.personaIds).toEqual([ivan?.id]);
  });
});
