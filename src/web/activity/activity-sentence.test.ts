import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActivityEntry } from "../../domain/team/activity.js";
import { en } from "../i18n/en.js";
import { ru } from "../i18n/ru.js";
import { describeEntry } from "./activity-sentence.js";

let tEn: TFunction;
let tRu: TFunction;

beforeAll(async () => {
  const make = async (lng: string) => {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      resources: { en: { translation: en }, ru: { translation: ru } },
      interpolation: { escapeValue: false },
    });
    return instance.t;
  };
  tEn = await make("en");
  tRu = await make("ru");
});

const anna = { id: "u1", name: "Anna" };

function entry(
  action: ActivityEntry["action"],
  details: Record<string, unknown>,
  mapId: string | null = "m1",
) {
  return {
    id: "a1",
    workspaceId: "w1",
    mapId,
    actor: anna,
    action,
    details,
    createdAt: "2026-01-01T10:00:00Z",
  };
}

describe("describeEntry", () => {
  it("words a single change of a map as what the person did", () => {
    const added = entry("map.edited", {
      title: "Onboarding",
      changes: [{ kind: "card-added", id: "c1", stage: "Search", lane: "Actions", text: "Compares prices" }],
    });
    expect(describeEntry(added, tEn)).toEqual({
      actor: "Anna",
      phrase: "added a card “Compares prices” to Search",
      changes: [],
      map: { id: "m1", title: "Onboarding" },
    });
    expect(describeEntry(added, tRu).phrase).toBe("добавлена карточка «Compares prices» в этап «Search»");
  });

  it("counts several changes and lists each, with what the cap left out", () => {
    const edited = entry("map.edited", {
      title: "Onboarding",
      changes: [
        { kind: "stage-renamed", id: "s1", stage: "Find", from: "Search" },
        { kind: "card-removed", id: "c1", stage: "Find", text: "" },
        { kind: "emotion-changed", lane: "Feelings" },
        { kind: "more", count: 4 },
      ],
    });
    expect(describeEntry(edited, tEn)).toMatchObject({
      phrase: "made 7 changes",
      changes: [
        "renamed the stage “Search” to “Find”",
        "removed a card from Find",
        "changed the emotion curves",
        "and 4 more changes",
      ],
    });
    expect(describeEntry(edited, tRu).phrase).toBe("7 изменений");
  });

  it("words member changes with the member's name and the role in the reader's language", () => {
    const changed = entry("member.role_changed", { userId: "u2", name: "Oleg", role: "editor" }, null);
    expect(describeEntry(changed, tEn).phrase).toBe("changed the role of Oleg to editor");
    expect(describeEntry(changed, tRu).phrase).toBe("роль участника Oleg изменена на «редактор»");
    const left = entry("member.removed", { userId: anna.id, name: anna.name, left: true }, null);
    expect(describeEntry(left, tEn).phrase).toBe("left the workspace");
    const removed = entry("member.removed", { userId: "u2", name: "Oleg", left: false }, null);
    expect(describeEntry(removed, tRu).phrase).toBe("из пространства удалён участник Oleg");
  });

  it("counts imported events with the right plural", () => {
    const imported = entry(
      "events.imported",
      { filename: "march.csv", inserted: 3, duplicates: 0, rejected: 0 },
      null,
    );
    expect(describeEntry(imported, tEn).phrase).toBe("imported 3 events from march.csv");
    expect(describeEntry(imported, tRu).phrase).toBe("импортировано 3 события из march.csv");
  });

  it("falls back to the plain action when the details are not what it expects", () => {
    const odd = entry("map.edited", { title: "Onboarding", changes: "garbled" });
    expect(describeEntry(odd, tEn).phrase).toBe("edited the map “Onboarding”");
    const gone = { ...entry("map.deleted", { title: "Old" }), actor: null };
    expect(describeEntry(gone, tEn)).toMatchObject({ actor: "Someone", phrase: "deleted the map “Old”" });
  });
});
