import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemberWorkspace } from "../src/web/api/types.js";
import { apiJson, browserAvailable, openTropaPage, type TropaPage } from "./harness.js";

/** Someone in two workspaces opens a link to a map of the one they are not looking at. */
describe.skipIf(!browserAvailable)("workspaces", () => {
  let session: TropaPage;
  let mapId: string;

  beforeAll(async () => {
    session = await openTropaPage();
    const research = await apiJson<MemberWorkspace>(session.tropa, "/api/workspaces", {
      method: "POST",
      body: JSON.stringify({ name: "Research team" }),
    });
    const created = await apiJson<{ map: { id: string } }>(
      session.tropa,
      `/api/workspaces/${research.id}/maps`,
      { method: "POST", body: JSON.stringify({ templateId: "example-cafe", lang: "en" }) },
    );
    mapId = created.map.id;
  });

  afterAll(async () => {
    await session?.close();
  });

  it("switches the top bar to the workspace of a map opened by a link, and stays there", async () => {
    const { page, tropa } = session;
    await page.goto(`${tropa.url}/#/`);
    await page.getByRole("button", { name: "Demo workspace" }).waitFor();

    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    await page.getByRole("button", { name: "Research team" }).waitFor();
    expect(await page.getByRole("button", { name: "Demo workspace" }).count()).toBe(0);

    // Home is now the map's workspace: its map list, not the demo's.
    await page.goto(`${tropa.url}/#/`);
    await page.getByRole("button", { name: "Research team" }).waitFor();
    expect(session.errors).toEqual([]);
  });
});
