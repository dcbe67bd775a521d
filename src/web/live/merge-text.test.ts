import { describe, expect, it } from "vitest";
import { mergeText } from "./merge-text.js";

describe("mergeText", () => {
  it("takes the one side that changed", () => {
    expect(mergeText("Pay", "Pay now", "Pay")).toBe("Pay now");
    expect(mergeText("Pay", "Pay", "Pay later")).toBe("Pay later");
    expect(mergeText("Pay", "Pay now", "Pay now")).toBe("Pay now");
  });

  it("keeps both changes to different parts of the text", () => {
    expect(mergeText("Compare tariffs", "Compare tariffs (Anna)", "Boris: Compare tariffs")).toBe(
      "Boris: Compare tariffs (Anna)",
    );
    expect(mergeText("one two three", "one 2 three", "one two 3")).toBe("one 2 3");
  });

  it("puts their insertion first when both insert at one place", () => {
    expect(mergeText("Hello", "Hello A", "Hello B")).toBe("Hello B A");
  });

  it("keeps both versions of a stretch both rewrote", () => {
    expect(mergeText("Hello world", "Hello there", "Hello everyone")).toBe("Hello everyone there");
  });

  it("handles a deletion next to an insertion", () => {
    expect(mergeText("abcdef", "abef", "abcdefXY")).toBe("abefXY");
    expect(mergeText("abcdef", "Xabcdef", "abc")).toBe("Xabc");
  });
});
