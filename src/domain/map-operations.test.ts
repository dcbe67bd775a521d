import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "./errors.js";
import {
  type CardLane,
  type EmotionLane,
  type JourneyMap,
  journeyMapSchema,
  type MetricsLane,
} from "./journey-map.js";
import {
  addCard,
  addEmotionSeries,
  addLane,
  addMetricRow,
  addStage,
  clearEmotionPoint,
  defaultLaneTitle,
  deleteCard,
  deleteEmotionSeries,
  deleteLane,
  deleteMetricRow,
  deleteStage,
  moveCard,
  moveLane,
  moveStage,
  renameLane,
  renameStage,
  setEmotionPoint,
  setFunnelSettings,
  setMetricValue,
  setPeopleFromData,
  setStageMatchers,
  setTargetConversion,
  updateCard,
  updateEmotionSeries,
  updateMapInfo,
  updateMetricRow,
  updateStage,
} from "./map-operations.js";

/** Freezes deeply so any mutation of the input throws in the test. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function sampleMap(): JourneyMap {
  return deepFreeze(
    journeyMapSchema.parse({
      schemaVersion: 1,
      id: "m1",
      title: "Club",
      lang: "en",
      stages: [
        { id: "s1", name: "Ad" },
        { id: "s2", name: "Landing" },
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
          title: "Emotion",
          series: [{ id: "e1", points: { s1: { score: 1, label: "curious" }, s2: { score: -1 } } }],
        },
        {
          id: "metrics",
          type: "metrics",
          title: "Metrics",
          rows: [{ id: "people", kind: "people", values: { s1: 100, s2: 20 }, targets: { s2: 30 } }],
        },
      ],
    }),
  );
}

const cards = (map: JourneyMap, laneId: string, stageId: string) =>
  ((map.lanes.find((l) => l.id === laneId) as CardLane).cells[stageId] ?? []).map((c) => c.id);
const emotion = (map: JourneyMap) => map.lanes.find((l) => l.id === "emotion") as EmotionLane;
const metrics = (map: JourneyMap) => map.lanes.find((l) => l.id === "metrics") as MetricsLane;

describe("stages", () => {
  it("adds a stage at an index with empty cells and leaves emotion and metrics alone", () => {
    const map = addStage(sampleMap(), { name: "  Registration ", index: 2, id: "s9" });
    expect(map.stages.map((s) => s.name)).toEqual(["Ad", "Landing", "Registration", "Payment"]);
    expect(cards(map, "actions", "s9")).toEqual([]);
    expect(emotion(map).series[0]?.points).toEqual(emotion(sampleMap()).series[0]?.points);
    expect(metrics(map).rows[0]?.values).toEqual({ s1: 100, s2: 20 });
  });

  it("appends by default with a fresh id", () => {
    const map = addStage(sampleMap(), { name: "Renewal" });
    const added = map.stages[3];
    expect(added?.name).toBe("Renewal");
    expect(added?.id).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it("rejects an empty name, a bad index and a duplicate id", () => {
    expect(() => addStage(sampleMap(), { name: " " })).toThrow("name: must not be empty");
    expect(() => addStage(sampleMap(), { name: "X", index: 7 })).toThrow(
      "index: must be a whole number from 0 to 3",
    );
    expect(() => addStage(sampleMap(), { name: "X", id: "s1" })).toThrow(ValidationError);
  });

  it("renames and updates a stage", () => {
    const renamed = renameStage(sampleMap(), { stageId: "s2", name: "Landing page" });
    expect(renamed.stages[1]?.name).toBe("Landing page");
    const updated = updateStage(renamed, {
      stageId: "s2",
      description: "Reads the offer",
      substeps: ["Scroll"],
    });
    expect(updated.stages[1]).toEqual({
      id: "s2",
      name: "Landing page",
      description: "Reads the offer",
      substeps: ["Scroll"],
      matchers: [],
    });
    expect(() => renameStage(sampleMap(), { stageId: "nope", name: "X" })).toThrow(NotFoundError);
    expect(() => updateStage(sampleMap(), { stageId: "s1", name: "" })).toThrow(
      "stage.name: must not be empty",
    );
  });

  it("moves a stage", () => {
    const map = moveStage(sampleMap(), { stageId: "s1", toIndex: 2 });
    expect(map.stages.map((s) => s.id)).toEqual(["s2", "s3", "s1"]);
    expect(() => moveStage(sampleMap(), { stageId: "s1", toIndex: 3 })).toThrow(ValidationError);
  });

  it("deletes a stage with its cards, emotion points, metric values and targets", () => {
    const map = deleteStage(sampleMap(), { stageId: "s2" });
    expect(map.stages.map((s) => s.id)).toEqual(["s1", "s3"]);
    expect((map.lanes[0] as CardLane).cells).not.toHaveProperty("s2");
    expect(emotion(map).series[0]?.points).not.toHaveProperty("s2");
    expect(metrics(map).rows[0]?.values).toEqual({ s1: 100 });
    expect(metrics(map).rows[0]?.targets).toEqual({});
  });

  it("refuses to delete the last stage", () => {
    let map = deleteStage(sampleMap(), { stageId: "s1" });
    map = deleteStage(map, { stageId: "s2" });
    expect(() => deleteStage(map, { stageId: "s3" })).toThrow("at least one stage");
  });
});

describe("lanes", () => {
  it("adds lanes titled by type in the map's language", () => {
    const ru = updateMapInfo(sampleMap(), { lang: "ru" });
    const map = addLane(ru, { type: "tech_barriers", index: 1, id: "tb" });
    expect(map.lanes.map((l) => l.id)).toEqual(["actions", "tb", "emotion", "metrics"]);
    expect(map.lanes[1]?.title).toBe("Технические барьеры");
    expect(cards(map, "tb", "s3")).toEqual([]);
    expect(defaultLaneTitle("opportunities", "en")).toBe("Opportunities");
  });

  it("gives a new emotion lane one curve and a new metrics lane a people row", () => {
    const map = addLane(addLane(sampleMap(), { type: "emotion", id: "e" }), {
      type: "metrics",
      id: "m",
      title: "KPI",
    });
    expect((map.lanes[3] as EmotionLane).series).toHaveLength(1);
    const lane = map.lanes[4] as MetricsLane;
    expect(lane.title).toBe("KPI");
    expect(lane.rows.map((r) => r.kind)).toEqual(["people"]);
  });

  it("rejects an unknown type", () => {
    expect(() => addLane(sampleMap(), { type: "pictures" as never })).toThrow(/^type:/);
  });

  it("renames, moves and deletes a lane", () => {
    let map = renameLane(sampleMap(), { laneId: "actions", title: "Doing" });
    expect(map.lanes[0]?.title).toBe("Doing");
    map = moveLane(map, { laneId: "actions", toIndex: 2 });
    expect(map.lanes.map((l) => l.id)).toEqual(["emotion", "metrics", "actions"]);
    map = deleteLane(map, { laneId: "emotion" });
    expect(map.lanes.map((l) => l.id)).toEqual(["metrics", "actions"]);
    expect(() => deleteLane(map, { laneId: "emotion" })).toThrow('lane "emotion" not found');
    expect(() => renameLane(map, { laneId: "actions", title: "" })).toThrow("title: must not be empty");
  });
});

describe("cards", () => {
  it("adds a card with the caller's id, defaults filled in", () => {
    const map = addCard(sampleMap(), { laneId: "actions", stageId: "s3", card: { id: "new", text: "Pays" } });
    const card = (map.lanes[0] as CardLane).cells.s3?.[0];
    expect(card).toEqual({ id: "new", text: "Pays", source: "assumption", evidenceNote: "" });
  });

  it("adds an empty card with a fresh id at an index", () => {
    const map = addCard(sampleMap(), { laneId: "actions", stageId: "s1", index: 0 });
    const ids = cards(map, "actions", "s1");
    expect(ids).toHaveLength(3);
    expect(ids.slice(1)).toEqual(["c1", "c2"]);
  });

  it("rejects cards in non-card lanes, duplicate ids and bad fields", () => {
    expect(() => addCard(sampleMap(), { laneId: "emotion", stageId: "s1" })).toThrow("holds no cards");
    expect(() => addCard(sampleMap(), { laneId: "actions", stageId: "s2", card: { id: "c1" } })).toThrow(
      'a card with id "c1" already exists',
    );
    expect(() =>
      addCard(sampleMap(), { laneId: "actions", stageId: "s2", card: { severity: "huge" as never } }),
    ).toThrow(/^card\.severity:/);
    expect(() => addCard(sampleMap(), { laneId: "actions", stageId: "zz" })).toThrow('stage "zz" not found');
  });

  it("updates a card but never its id", () => {
    const map = updateCard(sampleMap(), {
      laneId: "actions",
      stageId: "s1",
      cardId: "c2",
      patch: { text: "Scrolls fast", source: "analytics", id: "hacked" } as never,
    });
    expect((map.lanes[0] as CardLane).cells.s1?.[1]).toMatchObject({
      id: "c2",
      text: "Scrolls fast",
      source: "analytics",
    });
    expect(() =>
      updateCard(sampleMap(), { laneId: "actions", stageId: "s2", cardId: "c1", patch: {} }),
    ).toThrow(NotFoundError);
  });

  it("moves a card within a cell and to another stage", () => {
    const reordered = moveCard(sampleMap(), {
      laneId: "actions",
      fromStageId: "s1",
      cardId: "c1",
      toStageId: "s1",
      toIndex: 1,
    });
    expect(cards(reordered, "actions", "s1")).toEqual(["c2", "c1"]);
    const moved = moveCard(sampleMap(), {
      laneId: "actions",
      fromStageId: "s1",
      cardId: "c2",
      toStageId: "s3",
      toIndex: 0,
    });
    expect(cards(moved, "actions", "s1")).toEqual(["c1"]);
    expect(cards(moved, "actions", "s3")).toEqual(["c2"]);
    expect(() =>
      moveCard(sampleMap(), {
        laneId: "actions",
        fromStageId: "s1",
        cardId: "c2",
        toStageId: "s2",
        toIndex: 2,
      }),
    ).toThrow("toIndex: must be a whole number from 0 to 1");
  });

  it("deletes a card", () => {
    const map = deleteCard(sampleMap(), { laneId: "actions", stageId: "s1", cardId: "c1" });
    expect(cards(map, "actions", "s1")).toEqual(["c2"]);
    expect(() => deleteCard(map, { laneId: "actions", stageId: "s1", cardId: "c1" })).toThrow(NotFoundError);
  });
});

describe("emotion", () => {
  it("adds, updates and deletes a curve", () => {
    let map = addEmotionSeries(sampleMap(), {
      laneId: "emotion",
      id: "tobe",
      label: "To be",
      state: "to-be",
    });
    expect(emotion(map).series[1]).toEqual({
      id: "tobe",
      label: "To be",
      personaId: null,
      state: "to-be",
      points: {},
    });
    map = updateEmotionSeries(map, { laneId: "emotion", seriesId: "tobe", patch: { personaId: "p1" } });
    expect(emotion(map).series[1]?.personaId).toBe("p1");
    expect(() =>
      updateEmotionSeries(map, { laneId: "emotion", seriesId: "tobe", patch: { state: "x" as never } }),
    ).toThrow(/^patch\.state:/);
    map = deleteEmotionSeries(map, { laneId: "emotion", seriesId: "tobe" });
    expect(emotion(map).series).toHaveLength(1);
  });

  it("rounds scores to 0.5 steps, clamps them to −2…+2 and keeps the label unless given", () => {
    const set = (score: number, label?: string) =>
      emotion(
        setEmotionPoint(sampleMap(), { laneId: "emotion", seriesId: "e1", stageId: "s1", score, label }),
      ).series[0]?.points.s1;
    expect(set(0.74)).toEqual({ score: 0.5, label: "curious" });
    expect(set(0.76, "glad")).toEqual({ score: 1, label: "glad" });
    expect(set(7)).toEqual({ score: 2, label: "curious" });
    expect(set(-3.2)).toEqual({ score: -2, label: "curious" });
    expect(() => set(Number.NaN)).toThrow(/^score:/);
  });

  it("clears a point", () => {
    const map = clearEmotionPoint(sampleMap(), { laneId: "emotion", seriesId: "e1", stageId: "s1" });
    expect(emotion(map).series[0]?.points).toEqual({ s2: { score: -1, label: "" } });
    expect(() => clearEmotionPoint(map, { laneId: "metrics", seriesId: "e1", stageId: "s1" })).toThrow(
      "not an emotion lane",
    );
  });
});

describe("metrics", () => {
  it("adds, updates and deletes a row", () => {
    let map = addMetricRow(sampleMap(), {
      laneId: "metrics",
      kind: "csat",
      name: "CSAT",
      unit: "%",
      id: "csat",
    });
    expect(metrics(map).rows[1]).toMatchObject({
      id: "csat",
      kind: "csat",
      name: "CSAT",
      source: "assumption",
    });
    map = updateMetricRow(map, { laneId: "metrics", rowId: "csat", patch: { source: "survey" } });
    expect(metrics(map).rows[1]?.source).toBe("survey");
    map = deleteMetricRow(map, { laneId: "metrics", rowId: "csat" });
    expect(metrics(map).rows).toHaveLength(1);
    expect(() => addMetricRow(sampleMap(), { laneId: "metrics", kind: "money" as never })).toThrow(
      /^row\.kind:/,
    );
  });

  it("sets and clears values", () => {
    let map = setMetricValue(sampleMap(), { laneId: "metrics", rowId: "people", stageId: "s3", value: 5 });
    expect(metrics(map).rows[0]?.values).toEqual({ s1: 100, s2: 20, s3: 5 });
    map = setMetricValue(map, { laneId: "metrics", rowId: "people", stageId: "s1", value: null });
    expect(metrics(map).rows[0]?.values).toEqual({ s2: 20, s3: 5 });
    expect(() =>
      setMetricValue(map, { laneId: "metrics", rowId: "people", stageId: "s1", value: -1 }),
    ).toThrow("people count cannot be negative");
    expect(() => setMetricValue(map, { laneId: "metrics", rowId: "nope", stageId: "s1", value: 1 })).toThrow(
      'metric row "nope" in lane "Metrics" not found',
    );
  });

  it("sets and clears target conversions within 0–100 %", () => {
    let map = setTargetConversion(sampleMap(), {
      laneId: "metrics",
      rowId: "people",
      stageId: "s3",
      target: 40,
    });
    expect(metrics(map).rows[0]?.targets).toEqual({ s2: 30, s3: 40 });
    map = setTargetConversion(map, { laneId: "metrics", rowId: "people", stageId: "s2", target: null });
    expect(metrics(map).rows[0]?.targets).toEqual({ s3: 40 });
    expect(() =>
      setTargetConversion(map, { laneId: "metrics", rowId: "people", stageId: "s2", target: 120 }),
    ).toThrow("target: must be at most 100 %");
  });
});

describe("updateMapInfo", () => {
  it("changes only the given fields", () => {
    const map = updateMapInfo(sampleMap(), { title: "New", state: "to-be", personaIds: ["p1", "p1", "p2"] });
    expect(map).toMatchObject({ title: "New", state: "to-be", personaIds: ["p1", "p2"], lang: "en" });
    expect(() => updateMapInfo(sampleMap(), { title: "" })).toThrow("map.title: must not be empty");
    expect(() => updateMapInfo(sampleMap(), { lang: "de" as never })).toThrow(/^map\.lang:/);
  });

  it("treats undefined fields as not given", () => {
    const map = updateMapInfo(sampleMap(), { title: undefined, segment: "Returning" });
    expect(map).toMatchObject({ title: "Club", segment: "Returning" });
    const row = updateMetricRow(map, {
      laneId: "metrics",
      rowId: "people",
      patch: { name: undefined, unit: "people" },
    });
    expect(metrics(row).rows[0]).toMatchObject({ name: "", unit: "people", kind: "people" });
  });

  it("keeps the result valid against the schema", () => {
    const map = updateMapInfo(addLane(addStage(sampleMap(), { name: "X" }), { type: "opportunities" }), {
      segment: "New visitors",
    });
    expect(journeyMapSchema.parse(map)).toEqual(map);
  });
});

describe("binding to data", () => {
  it("binds a stage to several matchers and unbinds it with an empty list", () => {
    const map = sampleMap();
    const matchers = [
      { event: "page_view", where: [{ property: "url", op: "contains" as const, value: "/pricing" }] },
      { event: "pricing_open" },
    ];
    const bound = setStageMatchers(map, { stageId: "s2", matchers });
    expect(bound.stages[1]?.matchers).toEqual([matchers[0], { event: "pricing_open", where: [] }]);
    expect(bound.stages[0]?.matchers).toEqual([]);
    expect(setStageMatchers(bound, { stageId: "s2", matchers: [] }).stages[1]?.matchers).toEqual([]);
  });

  it("refuses a matcher without an event name or with a bad condition, naming the field", () => {
    const map = sampleMap();
    expect(() => setStageMatchers(map, { stageId: "s1", matchers: [{ event: "" }] })).toThrow(
      /matchers\.0\.event: must not be empty/,
    );
    expect(() =>
      setStageMatchers(map, {
        stageId: "s1",
        matchers: [
          { event: "buy", where: [{ property: "revenue", op: "gt", value: "a lot" as unknown as number }] },
        ],
      }),
    ).toThrow(ValidationError);
    expect(() => setStageMatchers(map, { stageId: "nope", matchers: [] })).toThrow(NotFoundError);
  });

  it("changes only the given funnel settings and validates them", () => {
    const map = sampleMap();
    const next = setFunnelSettings(map, { windowMs: 7 * 24 * 3600 * 1000 });
    expect(next.funnelSettings).toEqual({ windowMs: 604_800_000, order: "sequential", unit: "person" });
    expect(setFunnelSettings(next, { order: "strict", unit: "session" }).funnelSettings).toEqual({
      windowMs: 604_800_000,
      order: "strict",
      unit: "session",
    });
    expect(() => setFunnelSettings(map, { windowMs: -1 })).toThrow(/funnelSettings\.windowMs/);
  });

  it("fills the people row from data, keeping typed values of stages without a count", () => {
    const map = sampleMap();
    const next = setPeopleFromData(map, {
      people: { s2: 40, s3: 9 },
      computedAt: "2026-03-01T10:00:00.000Z",
      from: Date.UTC(2026, 1, 1),
      to: null,
      sources: ["events.csv"],
    });
    const row = (next.lanes[2] as MetricsLane).rows[0];
    expect(row?.values).toEqual({ s1: 100, s2: 40, s3: 9 });
    expect(row?.source).toBe("analytics");
    expect(row?.targets).toEqual({ s2: 30 });
    expect(row?.fromData).toEqual({
      computedAt: "2026-03-01T10:00:00.000Z",
      from: Date.UTC(2026, 1, 1),
      to: null,
      sources: ["events.csv"],
    });
    expect(journeyMapSchema.parse(next)).toEqual(next);
  });

  it("adds a people row when the metrics lane has none, and refuses a map without a metrics lane", () => {
    const map = sampleMap();
    const lanes = map.lanes.map((lane) => (lane.type === "metrics" ? { ...lane, rows: [] } : lane));
    const args = {
      people: { s1: 5 },
      computedAt: "2026-03-01T10:00:00.000Z",
      from: null,
      to: null,
      sources: [],
    };
    const filled = setPeopleFromData({ ...map, lanes }, args);
    const rows = (filled.lanes[2] as MetricsLane).rows;
    expect(rows.map((row) => [row.kind, row.values])).toEqual([["people", { s1: 5 }]]);
    const noMetrics = { ...map, lanes: map.lanes.filter((lane) => lane.type !== "metrics") };
    expect(() => setPeopleFromData(noMetrics, args)).toThrow(/no metrics lane/);
    expect(() => setPeopleFromData(map, { ...args, people: { gone: 1 } })).toThrow(NotFoundError);
  });
});
