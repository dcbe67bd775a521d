import { parseTime } from "../parse-time.js";
import { type Row, RowFault } from "./row.js";

/**
 * Russian exports write wall-clock times without an offset (amoCRM, Bitrix24, Metrica in the
 * counter's zone, Calltouch, CoMagic); they are read as Moscow time, UTC+3 all year since 2014.
 */
export const MOSCOW_OFFSET_MINUTES = 180;

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;
const HAS_OFFSET = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const EPOCH = /^-?\d{9,16}$/;

export const LOCAL_TIME_HINT =
  "expected DD.MM.YYYY HH:MM[:SS], DD/MM/YYYY HH:MM:SS, YYYY-MM-DD HH:MM:SS or ISO 8601";

/**
 * An instant from an export's time: an explicit offset or an epoch number is taken as is, a bare
 * wall-clock time (`01.06.2024 11:03`, Calltouch's day-first `01/06/2024 11:20:05`) as Moscow time.
 */
export function parseLocalTime(value: string | number): number | undefined {
  if (typeof value === "number") return parseTime(value);
  const text = value.trim().replace(SLASHED, "$1.$2.$3");
  if (EPOCH.test(text) || HAS_OFFSET.test(text)) return parseTime(text);
  const wallClock = parseTime(text);
  return wallClock === undefined ? undefined : wallClock - MOSCOW_OFFSET_MINUTES * 60_000;
}

/** The time in the first of `names` that has one, or undefined; a value that is not a time is a fault. */
export function localTimeOf(row: Row, names: readonly string[]): number | undefined {
  const name = row.found(names);
  if (name === undefined) return undefined;
  const raw = row.value([name]);
  const time = typeof raw === "number" || typeof raw === "string" ? parseLocalTime(raw) : undefined;
  if (time === undefined)
    throw new RowFault(name, `${name} "${String(raw)}" is not a date or time; ${LOCAL_TIME_HINT}`);
  return time;
}

/** Like `localTimeOf`, but a missing time is a fault of the row. */
export function requireLocalTime(row: Row, names: readonly string[]): number {
  const time = localTimeOf(row, names);
  if (time === undefined) throw new RowFault(row.present(names), `${row.present(names)} is empty`);
  return time;
}
