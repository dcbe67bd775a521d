import { describe, expect, it } from "vitest";
import { computeTransitions } from "../../funnel.js";
import { isCardLane } from "../../journey-map.js";
import { createMapFromTemplate } from "../index.js";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("example-loan-application", () => {
  it("binds each of its five stages to one BPIC 2012 application state", () => {
    const { map } = createMapFromTemplate("example-loan-application", "en");
    expect(map.title).toBe("Loan application (BPIC 2012)");
    expect(map.stages.map((s) => s.name)).toEqual([
      "Submitted",
      "Pre-accepted",
      "Accepted",
      "Finalized",
      "Approved",
    ]);
    expect(map.stages.map((s) => s.matchers)).toEqual(
      ["A_SUBMITTED", "A_PREACCEPTED", "A_ACCEPTED", "A_FINALIZED", "A_APPROVED"].map((event) => [
        { event, where: [] },
      ]),
    );
    expect(map.funnelSettings).toEqual({ windowMs: 90 * DAY_MS, order: "sequential", unit: "person" });
  });

  it("is the same bound map in Russian", () => {
    const { map, personas } = createMapFromTemplate("example-loan-application", "ru");
    expect(map.title).toBe("Заявка на кредит (BPIC 2012)");
    expect(map.stages[0]).toMatchObject({ name: "Заявка подана", matchers: [{ event: "A_SUBMITTED" }] });
    expect(personas.map((p) => p.name)).toEqual(["Заявитель на кредит"]);
  });

  it("finds waiting for the signed offer (Finalized → Approved) as the key barrier, below its target", () => {
    const { map, personas } = createMapFromTemplate("example-loan-application", "en");
    expect(personas.map((p) => p.name)).toEqual(["Loan applicant"]);
    const funnel = computeTransitions(map);
    expect(funnel.keyBarrier).toMatchObject({ fromName: "Finalized", toName: "Approved", reached: 5015 });
    expect(funnel.belowTarget).toMatchObject({ fromName: "Finalized", toName: "Approved" });
  });

  it("marks the cards counted in the log as analytics evidence with a note", () => {
    const { map } = createMapFromTemplate("example-loan-application", "en");
    const cards = map.lanes.filter(isCardLane).flatMap((lane) => Object.values(lane.cells).flat());
    const counted = cards.filter((c) => c.source === "analytics");
    expect(counted.length).toBeGreaterThan(5);
    expect(counted.every((c) => c.evidenceNote !== "")).toBe(true);
    expect(counted.map((c) => c.evidenceNote)).toContain(
      "A_CANCELLED after the offer was finalized: 1,640 applications",
    );
  });
});
