import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ValidationError } from "../errors.js";
import { type CardLane, isCardLane, type JourneyMap } from "../journey-map.js";
import {
  addCard,
  deleteCard,
  moveCard,
  moveStage,
  renameLane,
  renameStage,
  updateCard,
} from "../map-operations.js";
import { parseMap } from "../migrations.js";
import { createMapFromTemplate } from "../templates/index.js";
import { LiveMapDoc, readMapFromDoc, writeMapToDoc } from "./map-doc.js";

type Edit = (map: JourneyMap) => JourneyMap;

function cardLanes(map: JourneyMap): CardLane[] {
  return map.lanes.filter(isCardLane);
}

/** An edit the editor could make, picked by numbers so fast-check can shrink it; null when it does not apply. */
function pickEdit(map: JourneyMap, kind: number, a: number, b: number, text: string): Edit | null {
  const lanes = cardLanes(map);
  const lane = lanes[a % lanes.length];
  const stage = map.stages[a % map.stages.length];
  const other = map.stages[b % map.stages.length];
  if (!lane || !stage || !other) return null;
  const cell = lane.cells[stage.id] ?? [];
  const card = cell[b % Math.max(cell.length, 1)];
  switch (kind) {
    case 0:
      return card
        ? (m) => updateCard(m, { laneId: lane.id, stageId: stage.id, cardId: card.id, patch: { text } })
        : null;
    case 1:
      return (m) => addCard(m, { laneId: lane.id, stageId: stage.id, card: { text } });
    case 2:
      return card ? (m) => deleteCard(m, { laneId: lane.id, stageId: stage.id, cardId: card.id }) : null;
    case 3:
      return card
        ? (m) =>
            moveCard(m, {
              laneId: lane.id,
              fromStageId: stage.id,
              cardId: card.id,
              toStageId: other.id,
              toIndex: 0,
            })
        : null;
    case 4:
      return (m) => renameStage(m, { stageId: stage.id, name: text || "Stage" });
    case 5:
      return (m) => moveStage(m, { stageId: stage.id, toIndex: b % map.stages.length });
    default:
      return (m) => renameLane(m, { laneId: lane.id, title: text || "Lane" });
  }
}

const editArbitrary = fc.record({
  kind: fc.nat(6),
  a: fc.nat(50),
  b: fc.nat(50),
  text: fc.string({ maxLength: 12 }),
  /** The edit comes from someone else's doc, synced in. */
  remote: fc.boolean(),
});

/** Empty cells read back as absent ones ("a stage with no entry has an empty cell"). */
function withoutEmptyCells(map: JourneyMap | null): JourneyMap | null {
  if (!map) return null;
  const lanes = map.lanes.map((lane) =>
    isCardLane(lane)
      ? {
          ...lane,
          cells: Object.fromEntries(Object.entries(lane.cells).filter(([, cards]) => cards.length > 0)),
        }
      : lane,
  );
  return { ...map, lanes };
}

/** The edit's result, or null when the editor would refuse it (e.g. a blank lane title): nothing is written then. */
function applyOrNull(edit: Edit, map: JourneyMap): JourneyMap | null {
  try {
    return edit(map);
  } catch (error) {
    if (error instanceof ValidationError) return null;
    throw error;
  }
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe("LiveMapDoc", () => {
  it("reads and writes incrementally with exactly the result of a full read and parse", () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 25 }), (edits) => {
        const server = new Y.Doc();
        writeMapToDoc(server, createMapFromTemplate("example-cafe", "en").map);
        const local = new Y.Doc();
        const remote = new Y.Doc();
        sync(server, local);
        sync(server, remote);
        const live = new LiveMapDoc(local);
        let current = live.readValid() as JourneyMap;
        for (const { kind, a, b, text, remote: fromRemote } of edits) {
          const edit = pickEdit(current, kind, a, b, text);
          if (!edit) continue;
          if (fromRemote) {
            sync(local, remote);
            const edited = applyOrNull(edit, parseMap(readMapFromDoc(remote)));
            if (!edited) continue;
            writeMapToDoc(remote, edited);
            sync(remote, local);
            expect(live.readValid(current)).toEqual(parseMap(readMapFromDoc(local)));
          } else {
            const edited = applyOrNull(edit, current);
            if (!edited) continue;
            const next = live.parse(edited, current);
            live.write(next, "local", current);
            expect(withoutEmptyCells(live.readValid(current))).toEqual(withoutEmptyCells(next));
          }
          const read = live.readValid(current);
          current = read as JourneyMap;
        }
        // The diffs written with `held` leave a doc any other replica reads the same way.
        sync(local, server);
        expect(parseMap(readMapFromDoc(server))).toEqual(current);
      }),
      {
        numRuns: 60,
        // A blank lane title is refused by the operation, as in the editor; the next edit must still work.
        examples: [
          [
            [
              { kind: 6, a: 0, b: 0, text: " ", remote: false },
              { kind: 0, a: 0, b: 0, text: "", remote: false },
            ],
          ],
        ],
      },
    );
  });

  it("keeps untouched lanes and cards as the same objects, and validates a changed lane again", () => {
    const doc = new Y.Doc();
    writeMapToDoc(doc, createMapFromTemplate("example-cafe", "en").map);
    const live = new LiveMapDoc(doc);
    const before = live.readValid() as JourneyMap;
    const lane = cardLanes(before).find((l) => Object.values(l.cells).some((cards) => cards.length > 1));
    const [stageId, cards] = Object.entries(lane?.cells ?? {}).find(([, c]) => c.length > 1) ?? [];
    if (!lane || !stageId || !cards?.[0] || !cards[1])
      throw new Error("the example has a cell with two cards");
    const edited = updateCard(before, {
      laneId: lane.id,
      stageId,
      cardId: cards[0].id,
      patch: { text: "Changed" },
    });
    live.write(live.parse(edited, before), "local", before);

    const after = live.readValid(before) as JourneyMap;
    const laneAfter = after.lanes.find((l) => l.id === lane.id) as CardLane;
    expect(laneAfter.cells[stageId]?.[0]?.text).toBe("Changed");
    expect(laneAfter.cells[stageId]?.[1]).toBe(cards[1]);
    expect(after.stages).toBe(before.stages);
    for (const other of after.lanes.filter((l) => l.id !== lane.id)) {
      expect(other).toBe(before.lanes.find((l) => l.id === other.id));
    }

    // A hostile client writes a card text over the limit into the doc: the changed lane is validated again.
    doc.transact(() => {
      const root = doc.getMap("map");
      const lanes = root.get("lanes") as Y.Map<unknown>;
      const items = lanes.get("items") as Y.Map<unknown>;
      const cells = (items.get(lane.id) as Y.Map<unknown>).get("cells") as Y.Map<unknown>;
      const card = (cells.get("items") as Y.Map<unknown>).get(cards[0]?.id ?? "") as Y.Map<unknown>;
      card.set("text", new Y.Text("x".repeat(100_000)));
    });
    expect(live.readValid(after)).toBeNull();
    expect(() => parseMap(readMapFromDoc(doc))).toThrow();
  });

  it("sees changes made earlier in the transaction it is read in", () => {
    const doc = new Y.Doc();
    const map = createMapFromTemplate("example-cafe", "en").map;
    writeMapToDoc(doc, map);
    const live = new LiveMapDoc(doc);
    const before = live.readValid() as JourneyMap;
    const stageId = before.stages[0]?.id ?? "";
    let inside: JourneyMap | null = null;
    doc.transact(() => {
      writeMapToDoc(doc, renameStage(before, { stageId, name: "Renamed inside" }));
      inside = live.readValid(before);
    });
    expect((inside as JourneyMap | null)?.stages[0]?.name).toBe("Renamed inside");
  });
});
