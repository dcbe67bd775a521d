import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials.js";

describe("initialsOf", () => {
  it("takes the first letters of the first two words", () => {
    expect(initialsOf("Anna Petrova")).toBe("AP");
    expect(initialsOf("  мария   ивановна сидорова ")).toBe("МИ");
    expect(initialsOf("anna")).toBe("A");
  });

  it("keeps a letter outside the basic plane whole and falls back to ? for an empty name", () => {
    expect(initialsOf("𝒜nna")).toBe("𝒜");
    expect(initialsOf("   ")).toBe("?");
  });
});
