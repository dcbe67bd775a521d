import { describe, expect, it } from "vitest";
import { computeTransitions, formatPercent } from "./funnel.js";
import { type JourneyMap, journeyMapSchema } from "./journey-map.js";

const CLUB_STAGES = ["Ad", "Landing", "Registration", "Payment", "Access", "Renewal"];

/** A map whose stages are named by `names`, ids s0…sN, with the given metric rows. */
function funnelMap(names: string[], rows: unknown[], extraLanes: unknown[] = []): JourneyMap {
  return journeyMapSchema.parse({
    schemaVersion: 1,
    id: "m",
    title: "Funnel",
    stages: names.map((name, i) => ({ id: `s${i}`, name })),
    lanes: [...extraLanes, { id: "metrics", type: "metrics", title: "Metrics", rows }],
  });
}

function peopleRow(values: Record<string, number | null>, targets: Record<string, number> = {}) {
  return { id: "people", kind: "people", values, targets };
}

describe("computeTransitions", () => {
  it("computes the subscription club funnel, skipping the stage without a count", () => {
    const map = funnelMap(CLUB_STAGES, [peopleRow({ s0: 10000, s1: 200, s2: 50, s3: 10, s4: null, s5: 7 })]);
    const result = computeTransitions(map);
    expect(result.rowId).toBe("people");
    expect(result.transitions.map((t) => `${t.fromName}→${t.toName}`)).toEqual([
      "Ad→Landing",
      "Landing→Registration",
      "Registration→Payment",
      "Payment→Renewal",
    ]);
    expect(result.transitions.map((t) => t.conversion)).toEqual([2, 25, 20, 70]);
    expect(result.transitions.map((t) => t.lost)).toEqual([9800, 150, 40, 3]);
    expect(result.keyBarrier).toMatchObject({
      fromStageId: "s0",
      toStageId: "s1",
      reached: 10000,
      converted: 200,
    });
    expect(result.largestLoss).toBe(result.keyBarrier);
    expect(result.belowTarget).toBeNull();
  });

  it("finds the transition furthest below its target", () => {
    const map = funnelMap(CLUB_STAGES.slice(0, 4), [
      peopleRow({ s0: 10000, s1: 200, s2: 50, s3: 10 }, { s2: 30, s3: 35, s1: 1 }),
    ]);
    const [adToLanding, landingToReg, regToPay] = computeTransitions(map).transitions;
    expect(adToLanding).toMatchObject({ target: 1, gapToTarget: -1 });
    expect(landingToReg).toMatchObject({ target: 30, gapToTarget: 5 });
    expect(regToPay).toMatchObject({ target: 35, gapToTarget: 15 });
    expect(computeTransitions(map).belowTarget).toEqual(regToPay);
    expect(computeTransitions(map).furthestBelowTarget).toEqual(regToPay);
  });

  it("breaks ties by the number of people lost", () => {
    const tied = funnelMap(
      ["A", "B", "C", "D"],
      [peopleRow({ s0: 10, s1: 5, s2: 100, s3: 50 }, { s1: 60, s3: 60 })],
    );
    expect(computeTransitions(tied).keyBarrier?.toName).toBe("D");
    expect(computeTransitions(tied).belowTarget?.toName).toBe("D");
  });

  it("gives null conversion when nobody reached a stage and keeps negative losses", () => {
    const map = funnelMap(["A", "B", "C"], [peopleRow({ s0: 0, s1: 5, s2: 8 }, { s1: 50 })]);
    const [first, second] = computeTransitions(map).transitions;
    expect(first).toMatchObject({ conversion: null, lost: -5, gapToTarget: null });
    expect(second).toMatchObject({ conversion: 160, lost: -3 });
    expect(computeTransitions(map).keyBarrier).toEqual(second);
  });

  it("returns no transitions without a people row, with one stage or with one count", () => {
    expect(
      computeTransitions(funnelMap(["A", "B"], [{ id: "nps", kind: "nps", values: { s0: 1, s1: 2 } }])),
    ).toEqual({
      rowId: null,
      transitions: [],
      keyBarrier: null,
      belowTarget: null,
      largestLoss: null,
      furthestBelowTarget: null,
    });
    expect(computeTransitions(funnelMap(["A"], [peopleRow({ s0: 5 })])).transitions).toEqual([]);
    expect(computeTransitions(funnelMap(["A", "B"], [peopleRow({ s1: 5 })])).transitions).toEqual([]);
  });

  it("uses the first people row of the first metrics lane that has one", () => {
    const map = funnelMap(
      ["A", "B"],
      [peopleRow({ s0: 10, s1: 1 })],
      [
        {
          id: "m0",
          type: "metrics",
          title: "Other",
          rows: [{ id: "first", kind: "people", values: { s0: 4, s1: 2 } }],
        },
      ],
    );
    const result = computeTransitions(map);
    expect(result.rowId).toBe("first");
    expect(result.transitions[0]?.conversion).toBe(50);
  });
});

describe("formatPercent", () => {
  it("shows at most one decimal with the language's separator", () => {
    expect(formatPercent(2, "en")).toBe("2%");
    expect(formatPercent(25, "ru")).toBe("25%");
    expect(formatPercent(12.5, "en")).toBe("12.5%");
    expect(formatPercent(12.5, "ru")).toBe("12,5%");
    expect(formatPercent(100 / 3, "en")).toBe("33.3%");
    expect(formatPercent(null, "ru")).toBe("—");
  });
});
