import { describe, expect, it } from "vitest";
import { normalCdf, twoProportionTest, wilsonInterval } from "./two-proportion-test.js";

describe("normalCdf", () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447],
    [-1, 0.1586553],
    [1.959964, 0.975],
    [-2.575829, 0.005],
    [3.290527, 0.9995],
  ])("Φ(%f) = %f as in the tables", (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 6);
  });
});

describe("wilsonInterval", () => {
  it("matches Newcombe (1998) for 81/263", () => {
    const { low, high } = wilsonInterval({ successes: 81, trials: 263 });
    expect(low).toBeCloseTo(0.2553, 4);
    expect(high).toBeCloseTo(0.3662, 4);
  });

  it("stays inside [0, 1] when nobody or everybody succeeds", () => {
    expect(wilsonInterval({ successes: 0, trials: 10 }).low).toBe(0);
    expect(wilsonInterval({ successes: 10, trials: 10 }).high).toBeCloseTo(1, 12);
  });
});

describe("twoProportionTest", () => {
  it("finds 50/200 vs 80/200 a +15 pp difference with p < 0.01", () => {
    const test = twoProportionTest({ successes: 50, trials: 200 }, { successes: 80, trials: 200 });
    expect(test.difference).toBeCloseTo(0.15, 10);
    // Pooled share 130/400 = 0.325; SE = sqrt(0.325 · 0.675 · 2/200) = 0.046837; z = 0.15 / SE.
    expect(test.z).toBeCloseTo(3.2026, 3);
    expect(test.pValue).toBeCloseTo(0.00136, 4);
    expect(test.pValue).toBeLessThan(0.01);
    expect(test.interval.low).toBeGreaterThan(0);
    expect(test.interval.low).toBeLessThan(0.15);
    expect(test.interval.high).toBeGreaterThan(0.15);
  });

  it("gives Newcombe's (1998) method-10 intervals for his examples", () => {
    const loan = twoProportionTest({ successes: 48, trials: 80 }, { successes: 56, trials: 70 });
    expect(loan.interval.low).toBeCloseTo(0.0524, 4);
    expect(loan.interval.high).toBeCloseTo(0.3339, 4);
    const small = twoProportionTest({ successes: 3, trials: 10 }, { successes: 9, trials: 10 });
    expect(small.interval.low).toBeCloseTo(0.1705, 4);
    expect(small.interval.high).toBeCloseTo(0.809, 4);
  });

  it("is symmetric: swapping the samples flips the sign, not the p-value", () => {
    const forward = twoProportionTest({ successes: 30, trials: 120 }, { successes: 45, trials: 130 });
    const backward = twoProportionTest({ successes: 45, trials: 130 }, { successes: 30, trials: 120 });
    expect(backward.difference).toBeCloseTo(-forward.difference, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
    expect(backward.interval.low).toBeCloseTo(-forward.interval.high, 12);
  });

  it("sees no difference between equal shares, nor when both samples all succeed", () => {
    expect(
      twoProportionTest({ successes: 20, trials: 100 }, { successes: 40, trials: 200 }).pValue,
    ).toBeCloseTo(1, 6);
    expect(twoProportionTest({ successes: 5, trials: 5 }, { successes: 9, trials: 9 })).toMatchObject({
      difference: 0,
      pValue: 1,
    });
  });
});
