import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isCardLane, type JourneyMap } from "../journey-map.js";
import { addCard, deleteStage, moveCard, moveStage, renameStage, updateCard } from "../map-operations.js";
import { parseMap } from "../migrations.js";
import { createMapFromTemplate, listTemplates } from "../templates/index.js";
import { MAP_ROOT, readMapFromDoc, writeMapToDoc } from "./map-doc.js";

/** Empty cells read back as absent ones ("a stage with no entry has an empty cell"). */
function withoutEmptyCells(map: JourneyMap): JourneyMap {
  return {
    ...map,
    lanes: map.lanes.map((lane) =>
      isCardLane(lane)
        ? {
            ...lane,
            cells: Object.fromEntries(Object.entries(lane.cells).filter(([, cards]) => cards.length > 0)),
          }
        : lane,
    ),
  };
}

function readMap(doc: Y.Doc): JourneyMap {
  return parseMap(readMapFromDoc(doc));
}

/** Exchanges what each doc lacks, as a provider would after a reconnect. */
function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

/** A server doc seeded with the map and two clients that start from it. */
function threeDocs(map: JourneyMap): [Y.Doc, Y.Doc, Y.Doc] {
  const server = new Y.Doc();
  writeMapToDoc(server, map, "server");
  const a = new Y.Doc();
  const b = new Y.Doc();
  sync(server, a, b);
  return [server, a, b];
}

function exampleMap(): JourneyMap {
  return createMapFromTemplate("example-cafe", "en").map;
}

function firstCardLane(map: JourneyMap) {
  const lane = map.lanes.find(
    (l) => isCardLane(l) && Object.values(l.cells).some((cards) => cards.length > 1),
  );
  if (!lane || !isCardLane(lane)) throw new Error("the example has a card lane with cards");
  const [stageId, cards] = Object.entries(lane.cells).find(([, c]) => c.length > 1) ?? [];
  if (!stageId || !cards) throw new Error("the example has a cell with two cards");
  return { lane, stageId, cards };
}

function bigMap(): JourneyMap {
  const base = createMapFromTemplate("model-need-to-loyalty", "en").map;
  const stages = Array.from({ length: 100 }, (_, i) => ({
    id: `s${i}`,
    name: `Stage ${i}`,
    description: `What happens in stage ${i} `.repeat(5),
    substeps: [`step ${i}a`, `step ${i}b`],
    matchers: [{ event: `event_${i}`, where: [{ property: "plan", op: "equals" as const, value: "pro" }] }],
  }));
  const lanes = Array.from({ length: 40 }, (_, l) => ({
    id: `l${l}`,
    type: "actions" as const,
    title: `Lane ${l}`,
    cells: Object.fromEntries(
      stages.map((stage) => [
        stage.id,
        Array.from({ length: 3 }, (_, c) => ({
          id: `c${l}-${stage.id}-${c}`,
          text: `Card ${c} of ${stage.name} in lane ${l} — ёжик 🦔`,
          source: "interview" as const,
          evidenceNote: "",
        })),
      ]),
    ),
  }));
  return parseMap({ ...base, stages, lanes });
}

describe("writeMapToDoc and readMapFromDoc", () => {
  it.each(listTemplates().flatMap((t) => [[t.id, "ru"] as const, [t.id, "en"] as const]))(
    "round-trips the %s template (%s), also through an encoded update",
    (templateId, lang) => {
      const { map } = createMapFromTemplate(templateId, lang);
      const doc = new Y.Doc();
      writeMapToDoc(doc, map);
      expect(readMap(doc)).toEqual(withoutEmptyCells(map));
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      expect(readMap(copy)).toEqual(withoutEmptyCells(map));
    },
  );

  it("round-trips a big map (100 stages × 40 lanes × 3 cards) and rewrites it without a change", () => {
    const map = bigMap();
    const doc = new Y.Doc();
    writeMapToDoc(doc, map);
    expect(readMap(doc)).toEqual(map);
    let updates = 0;
    doc.on("update", () => {
      updates += 1;
    });
    writeMapToDoc(doc, readMap(doc));
    writeMapToDoc(doc, map);
    expect(updates).toBe(0);
  });

  it("passes the origin to the transaction and keeps the root under MAP_ROOT", () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on("update", (_update: Uint8Array, origin: unknown) => origins.push(origin));
    writeMapToDoc(doc, exampleMap(), "server");
    expect(origins).toEqual(["server"]);
    expect(doc.getMap(MAP_ROOT).get("title")).toBeInstanceOf(Y.Text);
  });

  it("writes only what changed: renaming a stage touches that name alone", () => {
    const map = exampleMap();
    const doc = new Y.Doc();
    writeMapToDoc(doc, map);
    const before = Y.encodeStateVector(doc);
    writeMapToDoc(doc, renameStage(map, { stageId: map.stages[0]?.id ?? "", name: "Renamed" }));
    const diff = Y.encodeStateAsUpdate(doc, before);
    expect(diff.byteLength).toBeLessThan(100);
    expect(readMap(doc).stages[0]?.name).toBe("Renamed");
  });

  it("reads a doc a hostile client filled with garbage without throwing, and writing a map repairs it", () => {
    const doc = new Y.Doc();
    writeMapToDoc(doc, exampleMap());
    doc.transact(() => {
      const root = doc.getMap(MAP_ROOT);
      root.set("stages", new Y.Text("not a list"));
      root.set("__proto__", { polluted: true });
      const lanes = root.get("lanes") as Y.Map<unknown>;
      lanes.set("order", "oops");
    });
    const raw = readMapFromDoc(doc);
    expect(() => parseMap(raw)).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const map = exampleMap();
    writeMapToDoc(doc, map);
    expect(readMap(doc)).toEqual(withoutEmptyCells(map));
  });
});

describe("concurrent edits merge", () => {
  it("keeps edits to different fields of one card", () => {
    const map = exampleMap();
    const { lane, stageId, cards } = firstCardLane(map);
    const card = cards[0];
    if (!card) throw new Error("card");
    const [server, a, b] = threeDocs(map);
    writeMapToDoc(
      a,
      updateCard(readMap(a), { laneId: lane.id, stageId, cardId: card.id, patch: { source: "survey" } }),
    );
    writeMapToDoc(
      b,
      updateCard(readMap(b), { laneId: lane.id, stageId, cardId: card.id, patch: { text: "New text" } }),
    );
    sync(server, a, b);
    for (const doc of [server, a, b]) {
      const merged = readMap(doc).lanes.find((l) => l.id === lane.id);
      const mergedCard = merged && isCardLane(merged) ? merged.cells[stageId]?.[0] : undefined;
      expect(mergedCard).toMatchObject({ id: card.id, source: "survey", text: "New text" });
    }
  });

  it("merges two people typing into one card's text character by character", () => {
    const map = exampleMap();
    const { lane, stageId, cards } = firstCardLane(map);
    const cardId = cards[0]?.id ?? "";
    const [server, a, b] = threeDocs(
      updateCard(map, { laneId: lane.id, stageId, cardId, patch: { text: "Coffee is cold" } }),
    );
    writeMapToDoc(
      a,
      updateCard(readMap(a), { laneId: lane.id, stageId, cardId, patch: { text: "The coffee is cold" } }),
    );
    writeMapToDoc(
      b,
      updateCard(readMap(b), { laneId: lane.id, stageId, cardId, patch: { text: "Coffee is cold again!" } }),
    );
    sync(server, a, b);
    const texts = [server, a, b].map((doc) => {
      const merged = readMap(doc).lanes.find((l) => l.id === lane.id);
      return merged && isCardLane(merged) ? merged.cells[stageId]?.[0]?.text : undefined;
    });
    expect(texts).toEqual([
      "The coffee is cold again!",
      "The coffee is cold again!",
      "The coffee is cold again!",
    ]);
  });

  it("keeps an edit to a card another person moved to another stage, and the card exists once", () => {
    const map = exampleMap();
    const { lane, stageId, cards } = firstCardLane(map);
    const cardId = cards[1]?.id ?? "";
    const toStageId = map.stages.find((s) => s.id !== stageId)?.id ?? "";
    const [server, a, b] = threeDocs(map);
    writeMapToDoc(
      a,
      moveCard(readMap(a), { laneId: lane.id, fromStageId: stageId, cardId, toStageId, toIndex: 0 }),
    );
    writeMapToDoc(
      b,
      updateCard(readMap(b), { laneId: lane.id, stageId, cardId, patch: { text: "Edited while moving" } }),
    );
    sync(server, a, b);
    for (const doc of [server, a, b]) {
      const merged = readMap(doc).lanes.find((l) => l.id === lane.id);
      if (!merged || !isCardLane(merged)) throw new Error("lane");
      const copies = Object.entries(merged.cells).flatMap(([sid, list]) =>
        list.filter((c) => c.id === cardId).map((c) => ({ sid, text: c.text })),
      );
      expect(copies).toEqual([{ sid: toStageId, text: "Edited while moving" }]);
    }
  });

  it("keeps one copy of a card two people moved to different stages at once", () => {
    const map = exampleMap();
    const { lane, stageId, cards } = firstCardLane(map);
    const cardId = cards[0]?.id ?? "";
    const others = map.stages.filter((s) => s.id !== stageId);
    const [server, a, b] = threeDocs(map);
    const move = (doc: Y.Doc, toStageId: string) =>
      writeMapToDoc(
        doc,
        moveCard(readMap(doc), { laneId: lane.id, fromStageId: stageId, cardId, toStageId, toIndex: 0 }),
      );
    move(a, others[0]?.id ?? "");
    move(b, others[1]?.id ?? "");
    sync(server, a, b);
    const maps = [server, a, b].map(readMap);
    expect(maps[1]).toEqual(maps[0]);
    expect(maps[2]).toEqual(maps[0]);
    const merged = maps[0]?.lanes.find((l) => l.id === lane.id);
    if (!merged || !isCardLane(merged)) throw new Error("lane");
    expect(
      Object.values(merged.cells)
        .flat()
        .filter((c) => c.id === cardId),
    ).toHaveLength(1);
  });

  it("keeps cards two people add to the same empty cell, and a rename made while stages are reordered", () => {
    const map = exampleMap();
    const lane = map.lanes.find(isCardLane);
    const stage = map.stages[0];
    if (!lane || !stage) throw new Error("lane");
    const cleared = { ...map, lanes: map.lanes.map((l) => (l.id === lane.id ? { ...lane, cells: {} } : l)) };
    const [server, a, b] = threeDocs(cleared);
    writeMapToDoc(a, addCard(readMap(a), { laneId: lane.id, stageId: stage.id, card: { text: "from A" } }));
    writeMapToDoc(a, moveStage(readMap(a), { stageId: stage.id, toIndex: 2 }));
    writeMapToDoc(b, addCard(readMap(b), { laneId: lane.id, stageId: stage.id, card: { text: "from B" } }));
    writeMapToDoc(b, renameStage(readMap(b), { stageId: stage.id, name: "Renamed by B" }));
    sync(server, a, b);
    const merged = readMap(server);
    const mergedLane = merged.lanes.find((l) => l.id === lane.id);
    if (!mergedLane || !isCardLane(mergedLane)) throw new Error("lane");
    expect(mergedLane.cells[stage.id]?.map((c) => c.text).sort()).toEqual(["from A", "from B"]);
    expect(merged.stages[2]).toMatchObject({ id: stage.id, name: "Renamed by B" });
    expect(readMap(a)).toEqual(merged);
  });

  it("leaves an invalid map when both delete the last stages; writing the last valid map back heals every doc", () => {
    const base = exampleMap();
    const two = base.stages.slice(2).reduce((m, s) => deleteStage(m, { stageId: s.id }), base);
    const [first, second] = two.stages;
    if (!first || !second) throw new Error("two stages");
    const [server, a, b] = threeDocs(two);
    writeMapToDoc(a, deleteStage(readMap(a), { stageId: first.id }));
    const lastValid = readMap(a);
    sync(server, a);
    expect(readMap(server)).toEqual(lastValid);
    writeMapToDoc(b, deleteStage(readMap(b), { stageId: second.id }));
    sync(server, b);
    expect(() => parseMap(readMapFromDoc(server))).toThrow(/at least one stage/);
    writeMapToDoc(server, lastValid, "server");
    sync(server, a, b);
    for (const doc of [server, a, b]) expect(readMap(doc)).toEqual(lastValid);
  });
});
