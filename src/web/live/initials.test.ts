import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials.js";

describe("initialsOf", () => {
  it("takes the first letters of the first and last word", () => {
    expect(initialsOf("Anna Maria Petrova")).toBe("AP");
    expect(initialsOf("  иван   сидоров ")).toBe("ИС");
  });

  it("takes one letter of a single word", () => {
    expect(initialsOf("olga")).toBe("O");
  });

  it("keeps a character outside the basic plane whole", () => {
    expect(initialsOf("😀 Smile")).toBe("😀S");
  });

  it("shows a question mark for an empty name", () => {
    expect(initialsOf("   ")).toBe("?");
  });
});
