import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  addMember,
  browserAvailable,
  createMapFromTemplate,
  E2E_PASSWORD,
  openTropaPage,
  signInAgain,
  type TropaPage,
} from "./harness.js";

const NEW_PASSWORD = "a brand new passphrase";

/**
 * The settings a team needs after the first day: a member renames themself, changes the password (their
 * other device is signed out) and signs out everywhere; an owner changes a member's role (the map turns
 * read-only for them) and removes a member (they lose the workspace).
 */
describe.skipIf(!browserAvailable)("account settings and member management", () => {
  let session: TropaPage;
  let mapId: string;

  beforeAll(async () => {
    session = await openTropaPage();
    mapId = (await createMapFromTemplate(session.tropa, "example-cafe", "en")).map.id;
  });

  afterAll(async () => {
    await session?.close();
  });

  const acceptDialogs = (page: Page) => page.on("dialog", (dialog) => void dialog.accept());
  const signInScreen = (page: Page) => page.getByRole("heading", { name: "Sign in to Tropa" });

  it("renames a member, changes their password and signs out their other device", async () => {
    const member = await addMember(session.tropa, "editor", "Pavel Editor");
    const laptop = await session.openPage(member);
    const phone = await session.openPage(await signInAgain(session.tropa, member));
    await phone.goto(`${session.tropa.url}/#/`);
    await phone.getByRole("button", { name: "Account of Pavel Editor" }).waitFor();

    await laptop.goto(`${session.tropa.url}/#/account`);
    await laptop.getByLabel("Your name", { exact: true }).fill("Pavel Petrov");
    await laptop.getByRole("button", { name: "Save name" }).click();
    await laptop.getByText("Name saved.").waitFor();
    await laptop.getByRole("button", { name: "Account of Pavel Petrov" }).waitFor();

    await laptop.getByLabel("Current password", { exact: true }).fill(E2E_PASSWORD);
    await laptop.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await laptop.getByRole("button", { name: "Change password" }).click();
    await laptop.getByText("Password changed. Every other session has been signed out.").waitFor();

    await phone.reload();
    await signInScreen(phone).waitFor();
    await phone.getByLabel("Email", { exact: true }).fill(member.email);
    await phone.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
    await phone.getByRole("button", { name: "Sign in" }).click();
    await phone.getByRole("alert").filter({ hasText: "The email or password is wrong." }).waitFor();
    await phone.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
    await phone.getByRole("button", { name: "Sign in" }).click();
    await phone.getByRole("button", { name: "Account of Pavel Petrov" }).waitFor();

    // The laptop kept its session through the password change; signing out everywhere ends both.
    await laptop.reload();
    acceptDialogs(laptop);
    await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
    await signInScreen(laptop).waitFor();
    await phone.reload();
    await signInScreen(phone).waitFor();
    expect(session.errors).toEqual([]);
  });

  it("lets an owner make an editor a viewer, then remove them", async () => {
    const member: Account = await addMember(session.tropa, "editor", "Vera Editor");
    const memberPage = await session.openPage(member);
    await memberPage.goto(`${session.tropa.url}/#/maps/${mapId}`);
    await memberPage
      .getByRole("button", { name: /^Add card to / })
      .first()
      .waitFor();

    const { page: owner, tropa } = session;
    acceptDialogs(owner);
    await owner.goto(`${tropa.url}/#/members`);
    await owner.getByRole("combobox", { name: "Role of Vera Editor" }).selectOption("viewer");
    await memberPage.reload();
    await memberPage.getByText("You can view this map").waitFor();
    expect(await memberPage.getByRole("button", { name: /^Add card to / }).count()).toBe(0);

    await owner.reload();
    await owner.getByRole("button", { name: "Remove Vera Editor" }).click();
    await owner.getByRole("combobox", { name: "Role of Vera Editor" }).waitFor({ state: "detached" });
    await memberPage.goto(`${tropa.url}/#/`);
    await memberPage.reload();
    await memberPage.getByRole("heading", { name: "You are not in any workspace" }).waitFor();
    expect(session.errors).toEqual([]);
  });
});
