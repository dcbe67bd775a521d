const DAY_MS = 24 * 60 * 60 * 1000;

/** A `<input type="date">` value as the start of that UTC day, in epoch ms; null when empty or malformed. */
export function dayStart(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : time;
}

/**
 * The entry range of two date inputs, both days included: `to` becomes the start of the next day,
 * since the API's `to` is exclusive.
 */
export function dayRange(from: string, to: string): { from?: number; to?: number } {
  const start = dayStart(from);
  const end = dayStart(to);
  return { ...(start !== null && { from: start }), ...(end !== null && { to: end + DAY_MS }) };
}

/** An epoch-ms instant as a UTC date for a date input or a label, e.g. "2026-03-01". */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The days a range covers, for "from data · 2026-03-01 – 2026-03-31"; an exclusive end shows its last
 * day, a range open at both ends is `open` alone ("all dates").
 */
export function rangeLabel(from: number | null, to: number | null, open: string): string {
  if (from === null && to === null) return open;
  const start = from === null ? "…" : dayOf(from);
  const end = to === null ? "…" : dayOf(to - 1);
  return `${start} – ${end}`;
}
