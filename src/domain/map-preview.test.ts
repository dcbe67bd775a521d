import { describe, expect, it } from "vitest";
import { journeyMapSchema } from "./journey-map.js";
import { previewOf } from "./map-preview.js";

function mapWith(values: Record<string, number | null>) {
  return journeyMapSchema.parse({
    schemaVersion: 1,
    id: "m",
    title: "Club",
    stages: ["Ad", "Landing", "Payment"].map((name, i) => ({ id: `s${i}`, name })),
    lanes: [
      {
        id: "actions",
        type: "actions",
        title: "Actions",
        cells: { s0: [{ id: "c1", text: "Sees the ad", source: "analytics" }] },
      },
      {
        id: "metrics",
        type: "metrics",
        title: "Metrics",
        rows: [{ id: "people", kind: "people", values, source: "analytics" }],
      },
    ],
  });
}

describe("previewOf", () => {
  it("reads the people counts, the key barrier and each stage's evidence level", () => {
    const preview = previewOf(mapWith({ s0: 1000, s1: 20, s2: 10 }));
    expect(preview.counts).toEqual([1000, 20, 10]);
    expect(preview.keyBarrier).toEqual({
      from: "Ad",
      to: "Landing",
      fromIndex: 0,
      toIndex: 1,
      conversion: 2,
    });
    expect(preview.levels).toEqual(["data", "data", "data"]);
  });

  it("has no funnel and no key barrier with fewer than two counts", () => {
    const preview = previewOf(mapWith({ s1: 20 }));
    expect(preview.counts).toEqual([null, 20, null]);
    expect(preview.keyBarrier).toBeNull();
    expect(preview.levels).toEqual(["data", "data", "hypothetical"]);
  });
});
