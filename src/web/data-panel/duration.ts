const UNITS = [
  { key: "d", ms: 24 * 60 * 60 * 1000 },
  { key: "h", ms: 60 * 60 * 1000 },
  { key: "min", ms: 60 * 1000 },
  { key: "s", ms: 1000 },
] as const;

/** A time span in its two largest units, e.g. 93_600_000 → "1 d 2 h"; names come from `units`. */
export function formatDuration(ms: number, units: Record<(typeof UNITS)[number]["key"], string>): string {
  const parts: string[] = [];
  let rest = ms;
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.ms);
    rest -= count * unit.ms;
    if (count > 0) parts.push(`${count} ${units[unit.key]}`);
    // Adjacent units only: "1 d 2 h", never "1 d 5 s".
    else if (parts.length > 0) break;
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(" ") : `0 ${units.s}`;
}
