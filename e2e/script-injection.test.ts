import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/domain/ids.js";
import type { JourneyMap } from "../src/domain/journey-map.js";
import {
  type Account,
  addMember,
  apiJson,
  browserAvailable,
  createMapFromTemplate,
  openTropaPage,
  type Tropa,
  type TropaPage,
  workspaceIdOf,
} from "./harness.js";

/** Markup that runs code if it ever reaches the DOM as HTML. */
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;

const TEXT = {
  workspace: `WS ${PAYLOAD}`,
  owner: `Owner ${PAYLOAD}`,
  member: `User ${PAYLOAD}`,
  title: `Title ${PAYLOAD}`,
  stage: `Stage ${PAYLOAD}`,
  card: `Card ${PAYLOAD}`,
  persona: `Persona ${PAYLOAD}`,
  comment: `Comment ${PAYLOAD}`,
};

/** What a successful injection would leave behind: the marker, an element with the handler, a script. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    marker: (window as { __xss?: unknown }).__xss ?? null,
    elements: document.querySelectorAll('img[src="x"], [onerror]').length,
    scripts: Array.from(document.scripts).filter((script) => script.text.includes("__xss")).length,
  }));
}

/** Whether `wanted` is on the page: in its visible text or in a field's value (a read-only title may be an input). */
function isShown(page: Page, wanted: string): Promise<boolean> {
  return page.evaluate((text) => {
    const fields = Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"),
    );
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees
    return [document.body.innerText, ...fields.map((field) => field.value)].some((shown) =>
      shown.includes(text),
    );
  }, wanted);
}

/** Waits until every text is on the page, shown literally, then checks that none of it ran. */
async function expectShownAsText(page: Page, texts: string[]): Promise<void> {
  for (const text of texts) {
    await expect.poll(() => isShown(page, text), { message: text, timeout: 15_000 }).toBe(true);
  }
  expect(await injected(page)).toEqual({ marker: null, elements: 0, scripts: 0 });
}

describe.skipIf(!browserAvailable)("script injection through user text", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let member: Account;
  let mapId: string;
  let shareToken: string;
  let inviteToken: string;

  beforeAll(async () => {
    session = await openTropaPage({ dismissDialogs: true });
    tropa = session.tropa;
    const workspaceId = await workspaceIdOf(tropa);
    const send = (url: string, method: string, body: unknown, account = tropa.owner) =>
      apiJson<Record<string, unknown>>(tropa, url, { method, body: JSON.stringify(body) }, account);
    await send(`/api/workspaces/${workspaceId}`, "PATCH", { name: TEXT.workspace });
    await send("/api/auth/me", "PATCH", { name: TEXT.owner });
    member = await addMember(tropa, "editor", TEXT.member);
    const persona = await send(`/api/workspaces/${workspaceId}/personas`, "POST", {
      schemaVersion: 1,
      name: TEXT.persona,
    });
    const created = await createMapFromTemplate(tropa, "model-online-product", "en");
    mapId = created.map.id;
    await send(`/api/maps/${mapId}`, "PUT", {
      map: withHostileText(created.map, persona.id as string),
      baseRevision: created.revision,
    });
    await send(
      `/api/maps/${mapId}/comments`,
      "POST",
      { target: { kind: "map" }, body: TEXT.comment },
      member,
    );
    shareToken = (await send(`/api/maps/${mapId}/share-links`, "POST", {})).token as string;
    inviteToken = (await send(`/api/workspaces/${workspaceId}/invitations`, "POST", { role: "viewer" }))
      .token as string;
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows the map editor's texts and the comments as text", async () => {
    const { page } = session;
    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    await expectShownAsText(page, [TEXT.workspace, TEXT.title, TEXT.stage, TEXT.card, TEXT.persona]);
    await page.getByRole("button", { name: /^Comments/ }).click();
    await expectShownAsText(page, [TEXT.comment, TEXT.member]);
    expect(session.errors).toEqual([]);
  });

  it("shows the map list, the members and the activity as text", async () => {
    const { page } = session;
    await page.goto(`${tropa.url}/#/`);
    await expectShownAsText(page, [TEXT.title, TEXT.persona]);
    await page.goto(`${tropa.url}/#/members`);
    await expectShownAsText(page, [TEXT.member, TEXT.owner]);
    await page.goto(`${tropa.url}/#/activity`);
    await expectShownAsText(page, [TEXT.title]);
    expect(session.errors).toEqual([]);
  });

  it("shows the invitation landing and the shared view to a visitor as text", async () => {
    const visitor = await session.openPage(null);
    await visitor.goto(`${tropa.url}/#/invite/${inviteToken}`);
    await expectShownAsText(visitor, [TEXT.workspace]);
    await visitor.goto(`${tropa.url}/#/shared/${shareToken}`);
    await expectShownAsText(visitor, [TEXT.title, TEXT.stage, TEXT.card]);
    expect(session.errors).toEqual([]);
    expect(session.dialogs).toEqual([]);
  });
});

/** The map with hostile text in its title, its first stage and a new card there, and the persona attached. */
function withHostileText(map: JourneyMap, personaId: string): JourneyMap {
  const [first, ...rest] = map.stages;
  if (!first) throw new Error("the template has no stage");
  const cardLane = map.lanes.find((lane) => "cells" in lane);
  if (!cardLane || !("cells" in cardLane)) throw new Error("the template has no card lane");
  const card = { id: newId(), text: TEXT.card, source: "assumption", evidenceNote: "" };
  const withCard = { ...cardLane, cells: { ...cardLane.cells, [first.id]: [card] } };
  const lanes = map.lanes.map((lane) => (lane === cardLane ? withCard : lane));
  return {
    ...map,
    title: TEXT.title,
    stages: [{ ...first, name: TEXT.stage }, ...rest],
    lanes,
    personaIds: [personaId],
  } as JourneyMap;
}
