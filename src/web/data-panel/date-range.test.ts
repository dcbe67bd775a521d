import { describe, expect, it } from "vitest";
import { dayRange, dayStart, rangeLabel } from "./date-range.js";

describe("date inputs", () => {
  it("reads a date input as a UTC day and includes the last day of a range", () => {
    expect(dayStart("2026-03-01")).toBe(Date.UTC(2026, 2, 1));
    expect(dayStart("")).toBeNull();
    expect(dayRange("2026-03-01", "2026-03-31")).toEqual({
      from: Date.UTC(2026, 2, 1),
      to: Date.UTC(2026, 3, 1),
    });
    expect(dayRange("", "2026-03-31")).toEqual({ to: Date.UTC(2026, 3, 1) });
  });

  it("labels a range by its first and last day, an open range by a word", () => {
    expect(rangeLabel(Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1), "…")).toBe("2026-03-01 – 2026-03-31");
    expect(rangeLabel(null, null, "all dates")).toBe("all dates");
    expect(rangeLabel(Date.UTC(2026, 2, 1), null, "all dates")).toBe("2026-03-01 – …");
  });
});
