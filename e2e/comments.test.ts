import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCardLane, type JourneyMap } from "../src/domain/journey-map.js";
import {
  addMember,
  apiJson,
  browserAvailable,
  createMapFromTemplate,
  openTropaPage,
  signedInPage,
  type TropaPage,
} from "./harness.js";

function firstCardText(map: JourneyMap): string {
  for (const stage of map.stages) {
    for (const lane of map.lanes) {
      const card = isCardLane(lane) ? lane.cells[stage.id]?.[0] : undefined;
      if (card?.text) return card.text;
    }
  }
  throw new Error("the template has no card with text");
}

/** A commenter asks the owner about a card with an @mention; the owner answers and resolves the thread. */
describe.skipIf(!browserAvailable)("comments on a card between a commenter and the owner", () => {
  let session: TropaPage;
  let map: JourneyMap;
  let cardText: string;
  let ownerName: string;
  let owner: Page;
  let commenter: Page;

  const drawer = (page: Page) => page.getByRole("complementary", { name: "Comments" });
  const cardOf = (page: Page) => page.locator("article.card").filter({ hasText: cardText }).first();

  beforeAll(async () => {
    session = await openTropaPage();
    map = (await createMapFromTemplate(session.tropa, "example-cafe", "en")).map;
    cardText = firstCardText(map);
    ownerName = (await apiJson<{ user: { name: string } }>(session.tropa, "/api/auth/me")).user.name;
    owner = session.page;
    const account = await addMember(session.tropa, "commenter");
    commenter = await signedInPage(session.browser, session.tropa, account);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("lets a commenter comment on a card with an @mention, though the map is read-only to them", async () => {
    await commenter.goto(`${session.tropa.url}/#/maps/${map.id}`);
    const card = cardOf(commenter);
    await card.waitFor();
    expect(await card.getByRole("button", { name: cardText, exact: true }).isDisabled()).toBe(true);
    expect(await commenter.getByRole("button", { name: /^Add card to / }).count()).toBe(0);

    await card.hover();
    await card.getByRole("button", { name: /^Comment on “/ }).click();
    const comments = drawer(commenter);
    const field = comments.getByRole("combobox", { name: "New comment" });
    await field.pressSequentially(`Is this still true? @${ownerName.slice(0, 2)}`);
    await comments.getByRole("option", { name: ownerName }).waitFor();
    await field.press("Enter");
    expect(await field.inputValue()).toBe(`Is this still true? @${ownerName} `);
    await comments.getByRole("button", { name: "Comment", exact: true }).click();

    const thread = comments.locator("article.comment-thread");
    await thread.locator("mark.mention", { hasText: `@${ownerName}` }).waitFor();
    await expect.poll(() => card.getByRole("button", { name: /^1 open comment on “/ }).count()).toBe(1);
  });

  it("shows the owner the badge and the thread, where they reply and resolve it", async () => {
    await owner.goto(`${session.tropa.url}/#/maps/${map.id}`);
    const badge = cardOf(owner).getByRole("button", { name: /^1 open comment on “/ });
    await badge.click();
    const comments = drawer(owner);
    const thread = comments.locator("article.comment-thread");
    await thread.getByText("Is this still true?", { exact: false }).waitFor();
    await thread.locator("mark.mention-me", { hasText: `@${ownerName}` }).waitFor();

    await comments.getByRole("radio", { name: "Mentioning me" }).check();
    await thread.waitFor();
    await comments.getByRole("radio", { name: /^Open/ }).check();

    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    const reply = thread.getByRole("combobox", { name: "Reply" });
    await reply.fill("Yes, checked with the baristas last week.");
    await reply.press("Control+Enter");
    await thread.getByText("Yes, checked with the baristas last week.").waitFor();

    await thread.getByRole("button", { name: "Resolve" }).click();
    await comments.getByText("No open comments here.").waitFor();
    await expect.poll(() => badge.count()).toBe(0);

    await comments.getByRole("radio", { name: /^Resolved/ }).check();
    await comments.getByText(`Resolved by ${ownerName}`).waitFor();
    await comments.getByText("Yes, checked with the baristas last week.").waitFor();
  });

  it("shows the commenter the resolved thread when they look again, and no page errors anywhere", async () => {
    await commenter.reload();
    await commenter.getByRole("button", { name: /^Comments/ }).click();
    const comments = drawer(commenter);
    await comments.getByText("No open comments here.").waitFor();
    await comments.getByRole("radio", { name: /^Resolved/ }).check();
    await comments.getByText("Yes, checked with the baristas last week.").waitFor();
    expect(session.errors).toEqual([]);
  });
});
