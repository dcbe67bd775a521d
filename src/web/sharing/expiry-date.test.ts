import { describe, expect, it } from "vitest";
import { endOfLocalDay, todayInputValue } from "./expiry-date.js";

describe("share link expiry dates", () => {
  it("end at the last millisecond of the picked local day", () => {
    const end = endOfLocalDay("2031-02-28");
    expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2031, 1, 28]);
    expect([end.getHours(), end.getMinutes(), end.getSeconds(), end.getMilliseconds()]).toEqual([
      23, 59, 59, 999,
    ]);
  });

  it("offer today as the earliest pick, so a link made today can expire tonight", () => {
    const now = new Date(2030, 0, 5, 10, 30);
    expect(todayInputValue(now)).toBe("2030-01-05");
    expect(endOfLocalDay(todayInputValue(now)).getTime()).toBeGreaterThan(now.getTime());
  });
});
