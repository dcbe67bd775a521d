import { describe, expect, it } from "vitest";
import { joinWindow, splitWindow } from "./window-length.js";

describe("window length", () => {
  it("shows a window in days when it is whole days, else in hours", () => {
    expect(splitWindow(14 * 86_400_000)).toEqual({ amount: 14, unit: "days" });
    expect(splitWindow(36 * 3_600_000)).toEqual({ amount: 36, unit: "hours" });
    expect(joinWindow(2, "days")).toBe(172_800_000);
    expect(joinWindow(1.5, "hours")).toBe(5_400_000);
  });
});
