import { describe, expect, it } from "vitest";
import { scoreToY, smoothPath, yToScore } from "./emotion-geometry.js";

const scale = { height: 140, padding: 20 };

describe("emotion scale", () => {
  it("puts +2 at the top, −2 at the bottom and 0 in the middle", () => {
    expect(scoreToY(2, scale)).toBe(20);
    expect(scoreToY(-2, scale)).toBe(120);
    expect(scoreToY(0, scale)).toBe(70);
  });

  it("maps a pointer position back to the nearest half step within the scale", () => {
    expect(yToScore(70, scale)).toBe(0);
    expect(yToScore(44, scale)).toBe(1);
    expect(yToScore(58, scale)).toBe(0.5);
    expect(yToScore(-50, scale)).toBe(2);
    expect(yToScore(500, scale)).toBe(-2);
  });
});

describe("smoothPath", () => {
  it("is empty without points and a bare move for one point", () => {
    expect(smoothPath([])).toBe("");
    expect(smoothPath([{ x: 5, y: 7 }])).toBe("M5,7");
  });

  it("draws one cubic segment per gap that passes through every point", () => {
    const path = smoothPath([
      { x: 0, y: 10 },
      { x: 100, y: 50 },
      { x: 200, y: 10 },
    ]);
    expect(path.startsWith("M0,10 C")).toBe(true);
    expect(path.match(/C/g)).toHaveLength(2);
    expect(path).toContain(" 100,50 C");
    expect(path.endsWith(" 200,10")).toBe(true);
  });

  it("keeps control points between neighbours so a peak does not overshoot", () => {
    const path = smoothPath([
      { x: 0, y: 100 },
      { x: 100, y: 0 },
      { x: 200, y: 100 },
    ]);
    const ys = [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
    expect(Math.min(...ys)).toBe(0);
    expect(Math.max(...ys)).toBe(100);
  });
});
