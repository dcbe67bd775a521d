import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyMap } from "../../domain/journey-map.js";
import { addCard, renameStage, updateCard } from "../../domain/map-operations.js";
import type { User } from "../../domain/team/account.js";
import { openStore } from "../../store/open-store.js";
import type { Store } from "../../store/store.js";
import { addMember, PASSWORD_HASH, sampleMap } from "../../store/team-fixtures.test-support.js";
import { testBackends } from "../../store/test-databases.js";
import { recordLiveEdit } from "./record-live-edit.js";

describe.each(testBackends())("recordLiveEdit ($name)", (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let workspaceId: string;
  let anna: User;
  let ivan: User;

  beforeAll(async () => {
    const created = await backend.create();
    cleanup = created.cleanup;
    store = await openStore(created.config);
    anna = await store.accounts.createFirstUser({
      email: "anna@example.test",
      name: "Anna",
      passwordHash: PASSWORD_HASH,
    });
    workspaceId = (await store.members.createWorkspaceOwnedBy("Live", anna.id)).id;
    ivan = await addMember(store, workspaceId, "editor", anna.id, "Ivan");
  });
  afterAll(async () => {
    await store?.close();
    await cleanup?.();
  });

  const save = (userIds: string[], before: JourneyMap, after: JourneyMap) =>
    recordLiveEdit(store, { mapId: after.id, workspaceId, revision: 2, userIds, before, after });

  const edits = async (mapId: string) =>
    (await store.activity.listActivity({ workspaceId, mapId, limit: 10 })).entries;

  it("makes one line per person for a burst of saves, with the changes merged", async () => {
    const { map } = await store.createMap(workspaceId, sampleMap());
    const typed = addCard(map, { laneId: "l1", stageId: "s2", card: { id: "c9", text: "Comp" } });
    await save([anna.id], map, typed);
    let edited = updateCard(typed, {
      laneId: "l1",
      stageId: "s2",
      cardId: "c9",
      patch: { text: "Compares prices" },
    });
    edited = renameStage(edited, { stageId: "s1", name: "Notice it" });
    edited = addCard(edited, { laneId: "l1", stageId: "s1", card: { id: "c11", text: "Reads reviews" } });
    await save([anna.id], typed, edited);

    const lines = await edits(map.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ action: "map.edited", actor: { id: anna.id, name: "Anna" } });
    expect(lines[0]?.details.changes).toEqual([
      { kind: "card-added", id: "c9", stage: "Choose", lane: "Actions", text: "Compares prices" },
      { kind: "stage-renamed", id: "s1", stage: "Notice it", from: "Notice" },
      { kind: "card-added", id: "c11", stage: "Notice it", lane: "Actions", text: "Reads reviews" },
    ]);
  });

  it("gives each person who took part their own line, and skips saves that changed nothing", async () => {
    const { map } = await store.createMap(workspaceId, sampleMap("Two editors"));
    await save([anna.id, ivan.id], map, map);
    expect(await edits(map.id)).toEqual([]);
    const after = renameStage(map, { stageId: "s2", name: "Compare" });
    await save([anna.id, ivan.id], map, after);
    const lines = await edits(map.id);
    expect(lines.map((line) => line.actor?.name).sort()).toEqual(["Anna", "Ivan"]);
    for (const line of lines) {
      expect(line.details.changes).toEqual([
        { kind: "stage-renamed", id: "s2", stage: "Compare", from: "Choose" },
      ]);
    }
  });
});
