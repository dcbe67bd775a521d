import { EMOTION_MAX, EMOTION_MIN } from "../../domain/journey-map.js";

export interface Point {
  x: number;
  y: number;
}

/** Vertical layout of the emotion chart: +2 at the top, −2 at the bottom. */
export interface Scale {
  height: number;
  padding: number;
}

export function scoreToY(score: number, { height, padding }: Scale): number {
  const share = (EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN);
  return padding + share * (height - 2 * padding);
}

/** The inverse of scoreToY, snapped to the 0.5 steps the domain stores and clamped to the scale. */
export function yToScore(y: number, { height, padding }: Scale): number {
  const share = (y - padding) / (height - 2 * padding);
  const raw = EMOTION_MAX - share * (EMOTION_MAX - EMOTION_MIN);
  const snapped = Math.round(raw * 2) / 2;
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, snapped));
}

const format = (n: number) => Number(n.toFixed(2));

/**
 * An SVG path through the points as a smooth curve: Catmull-Rom segments turned into cubic Béziers,
 * with control points clamped between neighbours vertically so the curve never overshoots the scale.
 */
export function smoothPath(points: Point[]): string {
  const [first] = points;
  if (!first) return "";
  let path = `M${format(first.x)},${format(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i];
    const p1 = points[i] as Point;
    const p2 = points[i + 1] as Point;
    const p3 = points[i + 2] ?? p2;
    const low = Math.min(p1.y, p2.y);
    const high = Math.max(p1.y, p2.y);
    const clampY = (y: number) => Math.min(high, Math.max(low, y));
    const c1 = { x: p1.x + (p2.x - (p0 as Point).x) / 6, y: clampY(p1.y + (p2.y - (p0 as Point).y) / 6) };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: clampY(p2.y - (p3.y - p1.y) / 6) };
    path += ` C${format(c1.x)},${format(c1.y)} ${format(c2.x)},${format(c2.y)} ${format(p2.x)},${format(p2.y)}`;
  }
  return path;
}
