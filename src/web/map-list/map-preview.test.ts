import { describe, expect, it } from "vitest";
import { hasFunnel, sparklinePoints } from "./map-preview.js";

describe("hasFunnel", () => {
  it("needs at least two counts to draw a line", () => {
    expect(hasFunnel({ counts: [1000, 20, 10], levels: [], keyBarrier: null })).toBe(true);
    expect(hasFunnel({ counts: [null, 20, null], levels: [], keyBarrier: null })).toBe(false);
  });
});

describe("sparklinePoints", () => {
  it("puts the largest count at the top, zero at the bottom and skips stages without a count", () => {
    const points = sparklinePoints([9999, null, 99, 0], 90, 40, 0);
    expect(points.map((p) => p.index)).toEqual([0, 2, 3]);
    expect(points.map((p) => p.x)).toEqual([0, 60, 90]);
    expect(points.map((p) => p.y)).toEqual([0, 20, 40]);
  });

  it("keeps a line of zeros on the bottom instead of dividing by zero", () => {
    expect(sparklinePoints([0, 0], 10, 10, 0).map((p) => p.y)).toEqual([10, 10]);
  });
});
