import { describe, expect, it } from "vitest";
import { type JourneyMap, journeyMapSchema } from "../journey-map.js";
import {
  addCard,
  addLane,
  addStage,
  deleteCard,
  deleteLane,
  deleteStage,
  moveCard,
  moveStage,
  renameLane,
  renameStage,
  setEmotionPoint,
  setMetricValue,
  updateCard,
  updateMapInfo,
} from "../map-operations.js";
import { createMapFromTemplate } from "../templates/index.js";
import { describeMapChanges, MAX_MAP_CHANGES, mergeMapChanges } from "./map-changes.js";

function sampleMap(): JourneyMap {
  return journeyMapSchema.parse({
    schemaVersion: 1,
    id: "m1",
    title: "Club",
    stages: [
      { id: "s1", name: "Ad" },
      { id: "s2", name: "Search" },
      { id: "s3", name: "Payment" },
    ],
    lanes: [
      {
        id: "actions",
        type: "actions",
        title: "Actions",
        cells: {
          s1: [
            { id: "c1", text: "Clicks" },
            { id: "c2", text: "Scrolls" },
          ],
          s2: [{ id: "c3", text: "Reads" }],
        },
      },
      {
        id: "emotion",
        type: "emotion",
        title: "Feelings",
        series: [{ id: "e1", points: { s1: { score: 1 } } }],
      },
      {
        id: "kpi",
        type: "metrics",
        title: "Numbers",
        rows: [{ id: "people", kind: "people", values: { s1: 100 } }],
      },
    ],
  });
}

describe("describeMapChanges", () => {
  it("finds nothing between a map and itself", () => {
    expect(describeMapChanges(sampleMap(), sampleMap())).toEqual([]);
  });

  it("names a card added to a stage with its lane and text", () => {
    const before = sampleMap();
    const after = addCard(before, {
      laneId: "actions",
      stageId: "s2",
      card: { id: "c9", text: "Compares prices" },
    });
    expect(describeMapChanges(before, after)).toEqual([
      { kind: "card-added", id: "c9", stage: "Search", lane: "Actions", text: "Compares prices" },
    ]);
  });

  it("tells card edits, moves between stages and removals apart", () => {
    const before = sampleMap();
    const edited = updateCard(before, {
      laneId: "actions",
      stageId: "s1",
      cardId: "c1",
      patch: { text: "Taps" },
    });
    const moved = moveCard(edited, {
      laneId: "actions",
      fromStageId: "s1",
      cardId: "c2",
      toStageId: "s3",
      toIndex: 0,
    });
    const after = deleteCard(moved, { laneId: "actions", stageId: "s2", cardId: "c3" });
    expect(describeMapChanges(before, after)).toEqual([
      { kind: "card-edited", id: "c1", stage: "Ad", lane: "Actions", text: "Taps" },
      { kind: "card-moved", id: "c2", stage: "Payment", lane: "Actions", text: "Scrolls" },
      { kind: "card-removed", id: "c3", stage: "Search", lane: "Actions", text: "Reads" },
    ]);
  });

  it("does not call a card moved when only a card before it in the cell went away", () => {
    const before = sampleMap();
    const after = deleteCard(before, { laneId: "actions", stageId: "s1", cardId: "c1" });
    expect(describeMapChanges(before, after).map((change) => change.kind)).toEqual(["card-removed"]);
  });

  it("reports stages added, renamed, moved and removed by name", () => {
    const before = sampleMap();
    const added = addStage(before, { name: "Delivery", id: "s4" });
    const renamed = renameStage(added, { stageId: "s2", name: "Find" });
    const moved = moveStage(renamed, { stageId: "s3", toIndex: 0 });
    expect(describeMapChanges(before, moved)).toEqual([
      { kind: "stage-renamed", id: "s2", stage: "Find", from: "Search" },
      { kind: "stage-added", id: "s4", stage: "Delivery" },
      { kind: "stage-moved", id: "s3", stage: "Payment" },
    ]);
    // A removed stage's cards go with it and are named as removed from it.
    expect(describeMapChanges(before, deleteStage(before, { stageId: "s1" }))).toEqual([
      { kind: "stage-removed", id: "s1", stage: "Ad" },
      { kind: "card-removed", id: "c1", stage: "Ad", lane: "Actions", text: "Clicks" },
      { kind: "card-removed", id: "c2", stage: "Ad", lane: "Actions", text: "Scrolls" },
    ]);
  });

  it("reports lanes, the title, the emotion curve and the numbers", () => {
    const before = sampleMap();
    let after = addLane(before, { type: "thoughts", title: "Doubts", id: "doubts" });
    after = renameLane(after, { laneId: "actions", title: "Steps" });
    after = deleteLane(after, { laneId: "actions" });
    after = updateMapInfo(after, { title: "Fitness club" });
    after = setEmotionPoint(after, { laneId: "emotion", seriesId: "e1", stageId: "s2", score: -2 });
    after = setMetricValue(after, { laneId: "kpi", rowId: "people", stageId: "s3", value: 12 });
    expect(describeMapChanges(before, after)).toEqual([
      { kind: "title-changed", text: "Fitness club", from: "Club" },
      { kind: "lane-added", id: "doubts", lane: "Doubts" },
      { kind: "lane-removed", id: "actions", lane: "Actions" },
      { kind: "card-removed", id: "c1", stage: "Ad", lane: "Actions", text: "Clicks" },
      { kind: "card-removed", id: "c2", stage: "Ad", lane: "Actions", text: "Scrolls" },
      { kind: "card-removed", id: "c3", stage: "Search", lane: "Actions", text: "Reads" },
      { kind: "emotion-changed", lane: "Feelings", stage: "Search" },
      { kind: "metrics-changed", lane: "Numbers", stage: "Payment" },
    ]);
  });

  it("shortens long texts and caps the list, counting what it left out", () => {
    const before = sampleMap();
    let after = before;
    for (let i = 0; i < 30; i++) {
      after = addCard(after, {
        laneId: "actions",
        stageId: "s1",
        card: { text: `${"long ".repeat(40)}${i}` },
      });
    }
    const changes = describeMapChanges(before, after);
    expect(changes).toHaveLength(MAX_MAP_CHANGES + 1);
    expect(changes.at(-1)).toEqual({ kind: "more", count: 30 - MAX_MAP_CHANGES });
    expect(changes[0]?.text?.length).toBeLessThanOrEqual(81);
    expect(changes[0]?.text?.endsWith("…")).toBe(true);
  });

  it("describes a whole template replacing another without growing past the cap", () => {
    const { map: before } = createMapFromTemplate("example-subscription-club", "en");
    const { map: after } = createMapFromTemplate("example-loan-application", "ru");
    const changes = describeMapChanges(before, { ...after, id: before.id });
    expect(changes.length).toBeLessThanOrEqual(MAX_MAP_CHANGES + 1);
    expect(changes.at(-1)?.kind).toBe("more");
  });
});

describe("mergeMapChanges", () => {
  it("keeps one line per thing changed, with its first old name and latest text", () => {
    const merged = mergeMapChanges(
      [
        { kind: "card-added", id: "c9", stage: "Search", lane: "Actions", text: "Com" },
        { kind: "stage-renamed", id: "s2", stage: "Fin", from: "Search" },
      ],
      [
        { kind: "card-edited", id: "c9", stage: "Search", lane: "Actions", text: "Compares prices" },
        { kind: "stage-renamed", id: "s2", stage: "Find", from: "Fin" },
        { kind: "emotion-changed", lane: "Feelings", stage: "Find" },
      ],
    );
    expect(merged).toEqual([
      { kind: "card-added", id: "c9", stage: "Search", lane: "Actions", text: "Compares prices" },
      { kind: "stage-renamed", id: "s2", stage: "Find", from: "Search" },
      { kind: "emotion-changed", lane: "Feelings", stage: "Find" },
    ]);
  });

  it("stays capped and adds up what both lists left out", () => {
    const many = (prefix: string) =>
      Array.from({ length: 10 }, (_, i) => ({
        kind: "card-edited" as const,
        id: `${prefix}${i}`,
        text: "x",
      }));
    const merged = mergeMapChanges([...many("a"), { kind: "more", count: 5 }], many("b"));
    expect(merged).toHaveLength(MAX_MAP_CHANGES + 1);
    expect(merged.at(-1)).toEqual({ kind: "more", count: 5 + 20 - MAX_MAP_CHANGES });
  });
});
