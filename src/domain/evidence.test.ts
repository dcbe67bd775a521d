import { describe, expect, it } from "vitest";
import { NotFoundError } from "./errors.js";
import { mapEvidenceSummary, stageEvidenceLevel } from "./evidence.js";
import { type JourneyMap, journeyMapSchema } from "./journey-map.js";

/**
 * Stages: s0 nothing; s1 only assumptions; s2 only facts; s3 a fact card and an assumed metric;
 * s4 an assumption card plus an analytics count; s5 a fact plus a blank assumption card.
 */
function evidenceMap(): JourneyMap {
  return journeyMapSchema.parse({
    schemaVersion: 1,
    id: "m",
    title: "Evidence",
    stages: ["s0", "s1", "s2", "s3", "s4", "s5"].map((id) => ({ id, name: id })),
    lanes: [
      {
        id: "actions",
        type: "actions",
        title: "Actions",
        cells: {
          s1: [
            { id: "a", text: "Guess" },
            { id: "b", text: "Another guess", source: "assumption" },
          ],
          s2: [{ id: "c", text: "Seen in calls", source: "call" }],
          s3: [{ id: "d", text: "From a survey", source: "survey" }],
          s4: [{ id: "e", text: "Guess" }],
          s5: [
            { id: "f", text: "Interview quote", source: "interview" },
            { id: "g", text: "  " },
          ],
        },
      },
      {
        id: "barriers",
        type: "tech_barriers",
        title: "Barriers",
        cells: { s2: [{ id: "h", text: "Slow", source: "analytics" }] },
      },
      {
        id: "emotion",
        type: "emotion",
        title: "Emotion",
        series: [{ id: "x", points: { s0: { score: 1 } } }],
      },
      {
        id: "metrics",
        type: "metrics",
        title: "Metrics",
        rows: [
          { id: "people", kind: "people", source: "analytics", values: { s1: null, s4: 10 } },
          { id: "csat", kind: "csat", values: { s3: 80 } },
        ],
      },
    ],
  });
}

describe("stageEvidenceLevel", () => {
  it.each([
    ["s0", "hypothetical"],
    ["s1", "hypothetical"],
    ["s2", "data"],
    ["s3", "partly"],
    ["s4", "partly"],
    ["s5", "data"],
  ])("rates stage %s as %s", (stageId, level) => {
    expect(stageEvidenceLevel(evidenceMap(), stageId)).toBe(level);
  });

  it("rejects an unknown stage", () => {
    expect(() => stageEvidenceLevel(evidenceMap(), "nope")).toThrow(NotFoundError);
  });
});

describe("mapEvidenceSummary", () => {
  it("counts stages per level", () => {
    expect(mapEvidenceSummary(evidenceMap())).toEqual({ hypothetical: 2, partly: 2, data: 2 });
  });
});
