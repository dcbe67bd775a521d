import { describe, expect, it } from "vitest";
import { type JourneyMap, journeyMapSchema } from "./journey-map.js";
import { isReviewOverdue, markReviewed } from "./review.js";

function mapReviewedAt(lastReviewedAt: string | null): JourneyMap {
  return journeyMapSchema.parse({
    schemaVersion: 1,
    id: "m",
    title: "Review",
    stages: [{ id: "s", name: "Stage" }],
    lanes: [],
    lastReviewedAt,
  });
}

describe("isReviewOverdue", () => {
  const now = new Date("2026-03-15T12:00:00Z");

  it("flags a map last reviewed more than 12 months ago", () => {
    expect(isReviewOverdue(mapReviewedAt("2025-03-15T11:59:59Z"), now)).toBe(true);
    expect(isReviewOverdue(mapReviewedAt("2025-03-15T12:00:00Z"), now)).toBe(false);
    expect(isReviewOverdue(mapReviewedAt("2025-09-01T00:00:00Z"), now)).toBe(false);
  });

  it("falls back to the creation date when never reviewed", () => {
    expect(isReviewOverdue(mapReviewedAt(null), now, "2024-12-01T00:00:00Z")).toBe(true);
    expect(isReviewOverdue(mapReviewedAt(null), now, "2026-01-01T00:00:00Z")).toBe(false);
    expect(isReviewOverdue(mapReviewedAt(null), now)).toBe(false);
  });

  it("prefers the review date over the creation date", () => {
    expect(isReviewOverdue(mapReviewedAt("2026-01-01T00:00:00Z"), now, "2020-01-01T00:00:00Z")).toBe(false);
  });

  it("rejects a creation date that is not a date", () => {
    expect(() => isReviewOverdue(mapReviewedAt(null), now, "yesterday")).toThrow(
      'createdAt: "yesterday" is not a date',
    );
  });

  it("is no longer overdue once marked reviewed", () => {
    const reviewed = markReviewed(mapReviewedAt("2020-01-01T00:00:00Z"), now);
    expect(reviewed.lastReviewedAt).toBe("2026-03-15T12:00:00.000Z");
    expect(isReviewOverdue(reviewed, now)).toBe(false);
    expect(journeyMapSchema.parse(reviewed)).toEqual(reviewed);
  });
});
