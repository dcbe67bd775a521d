import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration.js";

describe("formatDuration", () => {
  const units = { d: "d", h: "h", min: "min", s: "s" };
  it("shows a span in its two largest units", () => {
    expect(formatDuration(93_600_000, units)).toBe("1 d 2 h");
    expect(formatDuration(86_400_000, units)).toBe("1 d");
    expect(formatDuration(90_000, units)).toBe("1 min 30 s");
    expect(formatDuration(12, units)).toBe("0 s");
  });
});
