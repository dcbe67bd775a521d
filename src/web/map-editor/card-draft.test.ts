import { describe, expect, it } from "vitest";
import { type Card, cardSchema } from "../../domain/journey-map.js";
import { draftOf, parseNumber, patchFrom } from "./card-draft.js";

const card = (fields: Partial<Card> = {}): Card =>
  cardSchema.parse({ id: "c1", text: "Slow page", ...fields });

describe("parseNumber", () => {
  it("reads Russian and English number formats and treats blank as no value", () => {
    expect(parseNumber("1 200,5")).toBe(1200.5);
    expect(parseNumber("7")).toBe(7);
    expect(parseNumber("  ")).toBeNull();
    expect(parseNumber("abc")).toBeNull();
  });
});

describe("patchFrom", () => {
  it("is empty for an untouched card", () => {
    const original = card({ severity: "high", channel: "email" });
    expect(patchFrom(original, draftOf(original), true)).toEqual({});
  });

  it("carries only the changed fields", () => {
    const original = card();
    const draft = { ...draftOf(original), text: "Slow checkout", severity: "critical" as const };
    expect(patchFrom(original, draft, false)).toEqual({ text: "Slow checkout", severity: "critical" });
  });

  it("switches between a catalogue channel and a custom one", () => {
    const original = card({ channel: "email" });
    const draft = { ...draftOf(original), channel: "custom" as const, customChannel: " Kiosk " };
    expect(patchFrom(original, draft, false)).toEqual({ channel: undefined, customChannel: "Kiosk" });
  });

  it("builds a success metric from typed numbers and drops it when cleared", () => {
    const original = card();
    const typed = {
      ...draftOf(original),
      metric: "Registration rate",
      baseline: "25",
      target: "35,5",
      unit: "%",
    };
    expect(patchFrom(original, typed, true)).toEqual({
      successMetric: { metric: "Registration rate", baseline: 25, target: 35.5, unit: "%" },
    });
    const withMetric = card({ successMetric: { metric: "x", baseline: null, target: null, unit: "" } });
    const cleared = { ...draftOf(withMetric), metric: "" };
    expect(patchFrom(withMetric, cleared, true)).toEqual({ successMetric: undefined });
  });
});
