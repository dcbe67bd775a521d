const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * A duration as people write it: a whole number and a unit (ms, s, m, h, d, w).
 * @example parseDuration("7d") → 604800000; parseDuration("90m") → 5400000; parseDuration("soon") → undefined
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)\s*(ms|s|m|h|d|w)$/i.exec(text.trim());
  if (!match) return undefined;
  const [, amount, unit] = match;
  return Number(amount) * (UNIT_MS[(unit ?? "").toLowerCase()] ?? 0);
}
