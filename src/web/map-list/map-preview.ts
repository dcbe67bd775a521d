import type { MapPreview } from "../../domain/map-preview.js";

/** Enough counts to draw a line through. */
export function hasFunnel(preview: MapPreview): boolean {
  return preview.counts.filter((count) => count !== null).length >= 2;
}

/**
 * Points of a sparkline of the counts in a `width` × `height` box: stages spread evenly across, the
 * largest count at the top and zero at the bottom; stages without a count are skipped. The scale is
 * logarithmic because funnels span orders of magnitude: on a linear one 10 000 → 200 → 50 → 10 is a cliff
 * followed by a flat line and the later steps cannot be seen.
 */
export function sparklinePoints(
  counts: Array<number | null>,
  width: number,
  height: number,
  inset = 3,
): Array<{ x: number; y: number; index: number }> {
  const level = (count: number) => Math.log10(1 + Math.max(0, count));
  const max = Math.max(0, ...counts.map((count) => level(count ?? 0)));
  const step = counts.length > 1 ? (width - 2 * inset) / (counts.length - 1) : 0;
  return counts.flatMap((count, index) => {
    if (count === null) return [];
    const share = max > 0 ? level(count) / max : 0;
    return [{ x: inset + index * step, y: inset + (1 - share) * (height - 2 * inset), index }];
  });
}
