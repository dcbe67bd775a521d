import { describe, expect, it } from "vitest";
import { UnsupportedVersionError, ValidationError } from "./errors.js";
import { MAP_SCHEMA_VERSION } from "./journey-map.js";
import { migrateDocument, parseMap, parsePersona } from "./migrations.js";

function rawMap(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: "m",
    title: "Club",
    stages: [
      { id: "s1", name: "Ad" },
      { id: "s2", name: "Landing" },
    ],
    lanes: [
      { id: "a", type: "actions", title: "Actions", cells: { s1: [{ id: "c1", text: "Clicks" }] } },
      { id: "b", type: "thoughts", title: "Thoughts", cells: { s2: [{ id: "c2", text: "Is it for me?" }] } },
      { id: "e", type: "emotion", title: "Emotion", series: [{ id: "x", points: { s1: { score: 1 } } }] },
      {
        id: "m",
        type: "metrics",
        title: "Metrics",
        rows: [{ id: "p", kind: "people", values: { s1: 5 }, targets: { s2: 10 } }],
      },
    ],
  };
}

/** Runs `fn` and returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("parseMap", () => {
  it("parses a valid map and applies defaults", () => {
    const map = parseMap(rawMap());
    expect(map).toMatchObject({
      title: "Club",
      lang: "en",
      state: "as-is",
      personaIds: [],
      lastReviewedAt: null,
    });
  });

  it("rejects anything but an object", () => {
    for (const raw of [null, "map", 3, [rawMap()]]) {
      expect(() => parseMap(raw, "club.json")).toThrow("club.json: must be a JSON object");
    }
  });

  it("names a missing or malformed schemaVersion", () => {
    const { schemaVersion: _dropped, ...withoutVersion } = rawMap();
    const error = thrown(() => parseMap(withoutVersion));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe("map.schemaVersion: is missing");
    expect((error as ValidationError).location).toBe("map.schemaVersion");
    expect(() => parseMap({ ...rawMap(), schemaVersion: "1" })).toThrow(
      "map.schemaVersion: must be a whole number",
    );
  });

  it("rejects a map from a newer Tropa", () => {
    const error = thrown(() => parseMap({ ...rawMap(), schemaVersion: MAP_SCHEMA_VERSION + 1 }));
    expect(error).toBeInstanceOf(UnsupportedVersionError);
    expect((error as UnsupportedVersionError).message).toContain(
      `schemaVersion ${MAP_SCHEMA_VERSION + 1} is not supported`,
    );
  });

  it("names the first invalid field", () => {
    const raw = rawMap();
    raw.stages = [{ id: "s1", name: "" }];
    expect(() => parseMap(raw)).toThrow("map.stages.0.name: must not be empty");
    expect(() =>
      parseMap({ ...rawMap(), lanes: [{ id: "x", type: "pictures", title: "X" }] }, "club.json: map"),
    ).toThrow(/^club\.json: map\.lanes\.0\.type: /);
  });

  it("rejects duplicate stage, lane, card, series and row ids", () => {
    const stages = rawMap();
    stages.stages = [
      { id: "s1", name: "Ad" },
      { id: "s1", name: "Again" },
    ];
    expect(() => parseMap(stages)).toThrow('map.stages.1.id: stage id "s1" is used twice');

    const lanes = rawMap();
    lanes.lanes = [...(lanes.lanes as unknown[]), { id: "a", type: "text", title: "Notes" }];
    expect(() => parseMap(lanes)).toThrow('map.lanes.4.id: lane id "a" is used twice');

    const cards = rawMap();
    (cards.lanes as Record<string, unknown>[])[1] = {
      id: "b",
      type: "thoughts",
      title: "Thoughts",
      cells: { s2: [{ id: "c1", text: "Same id as an action" }] },
    };
    expect(() => parseMap(cards)).toThrow('map.lanes.1.cells.s2.0.id: card id "c1" is used twice');

    const series = rawMap();
    (series.lanes as Record<string, unknown>[])[2] = {
      id: "e",
      type: "emotion",
      title: "E",
      series: [{ id: "x" }, { id: "x" }],
    };
    expect(() => parseMap(series)).toThrow('map.lanes.2.series.1.id: emotion series id "x" is used twice');
  });

  it("rejects per-stage entries for stages that do not exist", () => {
    const cells = rawMap();
    (cells.lanes as Record<string, unknown>[])[0] = {
      id: "a",
      type: "actions",
      title: "A",
      cells: { gone: [] },
    };
    expect(() => parseMap(cells)).toThrow('map.lanes.0.cells.gone: there is no stage with id "gone"');

    const points = rawMap();
    (points.lanes as Record<string, unknown>[])[2] = {
      id: "e",
      type: "emotion",
      title: "E",
      series: [{ id: "x", points: { gone: { score: 0 } } }],
    };
    expect(() => parseMap(points)).toThrow("map.lanes.2.series.0.points.gone: there is no stage");

    const targets = rawMap();
    (targets.lanes as Record<string, unknown>[])[3] = {
      id: "m",
      type: "metrics",
      title: "M",
      rows: [{ id: "p", kind: "people", values: { s1: 1 }, targets: { gone: 5 } }],
    };
    expect(() => parseMap(targets)).toThrow("map.lanes.3.rows.0.targets.gone: there is no stage");
  });
});

describe("parsePersona", () => {
  it("parses a persona and names bad fields", () => {
    expect(parsePersona({ schemaVersion: 1, id: "p", name: "Marina" })).toMatchObject({
      name: "Marina",
      channels: [],
    });
    expect(() => parsePersona({ schemaVersion: 1, id: "p", name: "M", color: "red" })).toThrow(
      /^persona\.color: /,
    );
    expect(() => parsePersona({ id: "p", name: "M" })).toThrow("persona.schemaVersion: is missing");
    expect(() => parsePersona({ schemaVersion: 9, id: "p", name: "M" })).toThrow(UnsupportedVersionError);
  });
});

describe("migrateDocument", () => {
  const steps = {
    1: (doc: Record<string, unknown>) => ({ ...doc, name: doc.title, title: undefined }),
    2: (doc: Record<string, unknown>) => ({ ...doc, tags: [] }),
  };

  it("runs every step from the document's version to the current one", () => {
    expect(migrateDocument({ schemaVersion: 1, title: "Old" }, 3, steps)).toEqual({
      schemaVersion: 3,
      name: "Old",
      title: undefined,
      tags: [],
    });
    expect(migrateDocument({ schemaVersion: 2, name: "Mid" }, 3, steps)).toEqual({
      schemaVersion: 3,
      name: "Mid",
      tags: [],
    });
  });

  it("leaves a current document as it is and does not touch the input", () => {
    const doc = Object.freeze({ schemaVersion: 1, title: "Old" });
    expect(migrateDocument(doc, 1, steps)).toBe(doc);
    expect(migrateDocument(doc, 2, steps)).toEqual({ schemaVersion: 2, name: "Old", title: undefined });
  });

  it("rejects a newer document and fails loudly on a gap in the table", () => {
    expect(() => migrateDocument({ schemaVersion: 4 }, 3, steps)).toThrow(UnsupportedVersionError);
    expect(() => migrateDocument({ schemaVersion: 1 }, 3, { 2: steps[2] })).toThrow(
      "no migration registered from schemaVersion 1 to 2",
    );
  });
});
