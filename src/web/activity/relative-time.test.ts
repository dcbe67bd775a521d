import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time.js";

const now = new Date("2026-03-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MINUTE = 60_000;

describe("relativeTime", () => {
  it("says how long ago in the reader's language, up to a week", () => {
    expect(relativeTime(ago(10_000), now, "en", "just now")).toBe("just now");
    expect(relativeTime(ago(5 * MINUTE), now, "en", "just now")).toBe("5 minutes ago");
    expect(relativeTime(ago(5 * MINUTE), now, "ru", "только что")).toBe("5 минут назад");
    expect(relativeTime(ago(3 * 60 * MINUTE), now, "en", "just now")).toBe("3 hours ago");
    expect(relativeTime(ago(24 * 60 * MINUTE), now, "en", "just now")).toBe("yesterday");
  });

  it("gives the date for anything older than a week", () => {
    expect(relativeTime("2026-02-01T12:00:00Z", now, "en", "just now")).toBe("Feb 1, 2026");
  });
});
