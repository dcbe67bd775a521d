import { describe, expect, it } from "vitest";
import type { Card } from "../../domain/journey-map.js";
import { rebaseCardPatch } from "./rebase-card-patch.js";

const base: Card = { id: "c1", text: "Compare tariffs", source: "assumption", evidenceNote: "" };

describe("rebaseCardPatch", () => {
  it("merges a text both people changed", () => {
    const current = { ...base, text: "Compare tariffs (Anna)" };
    expect(rebaseCardPatch({ text: "Boris: Compare tariffs" }, base, current)).toEqual({
      text: "Boris: Compare tariffs (Anna)",
    });
  });

  it("leaves fields outside the patch alone and keeps the rest of it", () => {
    const current: Card = { ...base, severity: "high", evidenceNote: "interviews" };
    expect(rebaseCardPatch({ source: "interview" }, base, current)).toEqual({ source: "interview" });
    expect(rebaseCardPatch({ evidenceNote: "survey" }, base, current)).toEqual({
      evidenceNote: "interviews survey",
    });
  });
});
