import type { Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  addMember,
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
 * Two people (the owner and an editor, each in a browser context of their own) edit one map live; a
 * viewer watches. Edits show up in the other window within a second, concurrent edits of one card merge,
 * and the viewer can neither edit nor undo.
 */
describe.skipIf(!browserAvailable)("live co-editing", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let olga: Page;
  let erik: Page;
  let editor: Account;
  let mapId: string;

  const openMap = async (page: Page) => {
    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    // The add buttons appear once the live document has synced and the map can be edited.
    await page.getByRole("button", { name: "Add card to Customer actions — Landing" }).waitFor();
  };
  const addCard = async (page: Page, stage: string, text: string) => {
    await page.getByRole("button", { name: `Add card to Customer actions — ${stage}` }).click();
    const field = page.getByRole("textbox", { name: "Card text" });
    await field.fill(text);
    await field.press("Enter");
  };
  const card = (page: Page, text: string) => page.getByRole("button", { name: text, exact: true });
  const people = (page: Page) => page.getByRole("list", { name: "People in this map" }).getByRole("listitem");
  const landingCards = async () => cardTexts((await storedMap(tropa, mapId)).map, "Customer actions")[1];

  beforeAll(async () => {
    session = await openTropaPage();
    ({ tropa, page: olga } = session);
    editor = await addMember(tropa, "editor", "Erik Editor");
    mapId = (await createMapFromTemplate(tropa, "model-online-product", "en")).map.id;
    erik = await session.openPage(editor);
    await openMap(olga);
    await openMap(erik);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows one person's edit in the other's window within a second", async () => {
    await addCard(olga, "Landing", "Compare tariffs");
    const typedAt = Date.now();
    await card(erik, "Compare tariffs").waitFor({ timeout: 5_000 });
    expect(Date.now() - typedAt).toBeLessThan(1_000);
    await waitUntilSaved(olga);
    expect(await landingCards()).toEqual(["Compare tariffs"]);
  });

  it("shows who is here, and outlines the card someone else is editing", async () => {
    await expect
      .poll(() => people(olga).evaluateAll((items) => items.map((item) => item.ariaLabel)))
      .toEqual(["Olga Owner (you)", "Erik Editor"]);
    expect(await people(erik).evaluateAll((items) => items.map((item) => item.ariaLabel))).toEqual([
      "Erik Editor (you)",
      "Olga Owner",
    ]);
    expect(await people(olga).first().textContent()).toBe("OO");

    await card(erik, "Compare tariffs").click();
    await olga.getByText("Erik Editor is editing").waitFor({ timeout: 5_000 });
    await erik.keyboard.press("Escape");
    await olga.getByText("Erik Editor is editing").waitFor({ state: "detached", timeout: 5_000 });
  });

  it("keeps both people's changes when they edit one card at once", async () => {
    // Both open the card's form; each changes the text, Erik also the evidence source.
    await card(olga, "Compare tariffs").click();
    await card(erik, "Compare tariffs").click();
    const olgaText = olga.getByRole("textbox", { name: "Card text" });
    const erikText = erik.getByRole("textbox", { name: "Card text" });
    await olgaText.fill("Compare tariffs (Olga)");
    await erikText.fill("Erik: Compare tariffs");
    await erik.getByRole("combobox", { name: "Evidence" }).selectOption("interview");

    // Erik commits first; Olga's form still holds the text from before his change.
    await erikText.press("Enter");
    await card(erik, "Erik: Compare tariffs").waitFor();
    await waitUntilSaved(erik);
    await olgaText.press("Enter");

    const merged = "Erik: Compare tariffs (Olga)";
    await card(olga, merged).waitFor({ timeout: 5_000 });
    await card(erik, merged).waitFor({ timeout: 5_000 });
    await waitUntilSaved(olga);
    await waitUntilSaved(erik);
    await expect.poll(landingCards, { timeout: 10_000 }).toEqual([merged]);
    const stored = (await storedMap(tropa, mapId)).map;
    const lane = stored.lanes.find((candidate) => candidate.title === "Customer actions");
    const landing = stored.stages[1]?.id ?? "";
    expect(lane && "cells" in lane ? lane.cells[landing]?.[0]?.source : null).toBe("interview");
  });

  it("keeps the merged card after both reload", async () => {
    await olga.reload();
    await erik.reload();
    await openMap(olga);
    await openMap(erik);
    expect(await card(olga, "Erik: Compare tariffs (Olga)").count()).toBe(1);
    expect(await card(erik, "Erik: Compare tariffs (Olga)").count()).toBe(1);
  });

  it("merges cards both add to the same cell at the same moment", async () => {
    await Promise.all([addCard(olga, "Payment", "From Olga"), addCard(erik, "Payment", "From Erik")]);
    for (const page of [olga, erik]) {
      await card(page, "From Olga").waitFor({ timeout: 5_000 });
      await card(page, "From Erik").waitFor({ timeout: 5_000 });
    }
    await waitUntilSaved(olga);
    await waitUntilSaved(erik);
    const stored = cardTexts((await storedMap(tropa, mapId)).map, "Customer actions")[3] ?? [];
    expect([...stored].sort()).toEqual(["From Erik", "From Olga"]);
  });

  it("undoes only one's own edit", async () => {
    await addCard(erik, "Landing", "Erik's second card");
    await card(olga, "Erik's second card").waitFor({ timeout: 5_000 });
    await addCard(olga, "Landing", "Olga's second card");
    await card(erik, "Olga's second card").waitFor({ timeout: 5_000 });
    await erik.getByRole("button", { name: "Undo" }).click();
    await card(olga, "Erik's second card").waitFor({ state: "detached", timeout: 5_000 });
    expect(await card(erik, "Olga's second card").count()).toBe(1);
    expect(await card(olga, "Olga's second card").count()).toBe(1);
  });

  it("keeps edits made offline and merges them when the connection returns", async () => {
    const offlineErik = await session.openPage(editor);
    let online = true;
    const sockets: WebSocketRoute[] = [];
    // The live socket goes through a route the test can cut, as a dropped network would.
    await offlineErik.routeWebSocket(/\/api\/live\//, (socket) => {
      if (!online) return void socket.close();
      socket.connectToServer();
      sockets.push(socket);
    });
    await openMap(offlineErik);
    online = false;
    for (const socket of sockets) await socket.close();
    await offlineErik.getByRole("status").filter({ hasText: "Offline — edits kept" }).waitFor();

    await addCard(offlineErik, "Registration", "Typed while offline");
    await addCard(olga, "Registration", "Typed by Olga meanwhile");
    await card(offlineErik, "Typed while offline").waitFor();
    await waitUntilSaved(olga);
    expect(await card(olga, "Typed while offline").count()).toBe(0);

    online = true;
    await card(olga, "Typed while offline").waitFor({ timeout: 10_000 });
    await card(offlineErik, "Typed by Olga meanwhile").waitFor({ timeout: 10_000 });
    await waitUntilSaved(offlineErik);
    const registration = cardTexts((await storedMap(tropa, mapId)).map, "Customer actions")[2] ?? [];
    expect([...registration].sort()).toEqual(["Typed by Olga meanwhile", "Typed while offline"]);
    await offlineErik.context().close();
  });

  it("says so clearly when the live connection cannot be made, and keeps the map read-only", async () => {
    const cutOff = await session.openPage();
    await cutOff.routeWebSocket(/\/api\/live\//, (socket) => void socket.close());
    await cutOff.goto(`${tropa.url}/#/maps/${mapId}`);
    await cutOff.getByRole("alert").filter({ hasText: "Cannot connect to live editing" }).waitFor();
    await card(cutOff, "Olga's second card").waitFor();
    expect(await cutOff.getByRole("button", { name: /^Add card to/ }).count()).toBe(0);
    expect(await cutOff.getByRole("status").filter({ hasText: "Cannot connect" }).count()).toBe(1);
    await cutOff.context().close();
  });

  it("gives a viewer the map read-only, with live changes and presence", async () => {
    const viewer = await addMember(tropa, "viewer", "Vera Viewer");
    const vera = await session.openPage(viewer);
    await vera.goto(`${tropa.url}/#/maps/${mapId}`);
    await vera.getByRole("status").filter({ hasText: "You can view this map" }).waitFor();
    await card(vera, "Olga's second card").waitFor();
    await expect.poll(() => people(vera).count()).toBe(3);
    await expect
      .poll(() => people(olga).evaluateAll((items) => items.map((item) => item.ariaLabel)))
      .toEqual(["Olga Owner (you)", "Erik Editor", "Vera Viewer"]);

    expect(await vera.getByRole("button", { name: /^Add card to/ }).count()).toBe(0);
    expect(await vera.getByRole("button", { name: "Add stage" }).count()).toBe(0);
    expect(await card(vera, "Olga's second card").isDisabled()).toBe(true);
    expect(await vera.getByRole("button", { name: "Undo" }).isDisabled()).toBe(true);

    await addCard(olga, "Landing", "Seen by Vera");
    await card(vera, "Seen by Vera").waitFor({ timeout: 5_000 });
    expect(session.errors).toEqual([]);
  });

  it("tells a commenter they can view and comment", async () => {
    const commenter = await addMember(tropa, "commenter", "Carl Commenter");
    const carl = await session.openPage(commenter);
    await carl.goto(`${tropa.url}/#/maps/${mapId}`);
    await carl.getByRole("status").filter({ hasText: "You can view and comment on this map" }).waitFor();
    expect(await carl.getByRole("button", { name: /^Add card to/ }).count()).toBe(0);
  });
});
