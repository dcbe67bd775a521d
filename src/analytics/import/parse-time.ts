const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const EPOCH = /^-?\d{1,16}$/;

/** Below this an integer is epoch seconds (1e11 s is the year 5138); from 1e14 on, microseconds (GA4). */
const SECONDS_BELOW = 1e11;
const MICROSECONDS_FROM = 1e14;

/**
 * Reads a timestamp as epoch milliseconds UTC, or undefined when the text is not one.
 * Accepts ISO 8601 (`2024-06-01`, `2024-06-01 12:30`, `…T12:30:05.123+03:00`), Russian Excel's
 * `DD.MM.YYYY[ HH:MM[:SS]]` and epoch seconds, milliseconds or microseconds.
 * Times without an offset are taken as UTC.
 */
export function parseTime(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? fromEpoch(value) : undefined;
  const text = value.trim();
  if (EPOCH.test(text)) return fromEpoch(Number(text));
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso);
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, day, month, year, hour, minute, second] = dotted;
    return utc(year, month, day, hour, minute, second, undefined);
  }
  return undefined;
}

function fromEpoch(n: number): number {
  if (Math.abs(n) < SECONDS_BELOW) return Math.round(n * 1000);
  if (Math.abs(n) >= MICROSECONDS_FROM) return Math.floor(n / 1000);
  return Math.round(n);
}

function fromIso(match: RegExpExecArray): number | undefined {
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const local = utc(year, month, day, hour, minute, second, fraction);
  if (local === undefined) return undefined;
  const offset = offsetMinutes(zone);
  return offset === undefined ? undefined : local - offset * 60_000;
}

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** Builds the instant and rejects impossible dates (31.02, month 13, 25:00) instead of rolling over. */
function utc(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
): number | undefined {
  const parts = [year, month, day, hour ?? "0", minute ?? "0", second ?? "0"].map(Number);
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(time).getUTCDate() !== d) return undefined;
  return time;
}

/** What a user is told when a time does not parse. */
export const TIME_FORMATS_HINT = "expected ISO 8601, DD.MM.YYYY[ HH:MM[:SS]] or epoch seconds/milliseconds";
