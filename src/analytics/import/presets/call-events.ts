import { parseNumber } from "../parse-number.js";
import type { IdentityLinks } from "./identity-links.js";
import { LOCAL_TIME_HINT, localTimeOf, parseLocalTime } from "./local-time.js";
import { normalizePhone } from "./phone.js";
import { compact, type PresetEvent } from "./preset-event.js";
import { type Row, RowFault } from "./row.js";

export const CALL = "call";
export const MISSED_CALL = "missed call";
export const OUTGOING_CALL = "outgoing call";

/** Where a call-tracking export keeps each part of a call: the header or API field names it may use. */
export type CallColumns = {
  preset: string;
  id: readonly string[];
  time: readonly string[];
  /** A separate time-of-day column, for exports that split date and time. */
  timeOfDay: readonly string[];
  phone: readonly string[];
  trackingNumber: readonly string[];
  direction: readonly string[];
  /** Answered when yes (Calltouch `successful`, a status word); missed when no. */
  answered: readonly string[];
  /** The opposite flag: missed when yes (CoMagic `is_lost`). */
  lost: readonly string[];
  duration: readonly string[];
  wait: readonly string[];
  /** Web ids of the caller (Metrica clientID, GA client id), linked as they are. */
  webIds: readonly string[];
  /** Visit or visitor ids, linked as `${prefix}ID`. */
  visitIds: readonly { names: readonly string[]; prefix: string }[];
  properties: Readonly<Record<string, readonly string[]>>;
};

const YES = new Set([
  "true",
  "1",
  "да",
  "yes",
  "y",
  "answer",
  "answered",
  "успешный",
  "успешно",
  "принят",
  "принятый",
]);
const NO_WORDS = ["false", "0", "нет", "no", "n", "noanswer", "no answer", "busy", "cancel", "congestion"];
const NO = new Set([
  ...NO_WORDS,
  ...[
    "chanunavail",
    "failed",
    "missed",
    "пропущен",
    "пропущенный",
    "не отвечен",
    "неотвеченный",
    "неуспешный",
  ],
  ...["потерян", "потерянный", "занято", "сброшен", "недозвон", "не принят"],
]);
const YES_WORDS = ["отвечен", "состоялся", "разговор"];

/**
 * The event one call stands for: `call` (answered incoming), `missed call`, or `outgoing call`
 * (with `answered`), at the call's start. The person is the caller's phone (`+7…`), else a web id,
 * else the call itself; web ids and visit ids of the call are linked to the phone.
 */
export function callEvents(row: Row, columns: CallColumns, links: IdentityLinks): PresetEvent[] {
  const time = callTime(row, columns);
  const callId = row.text(columns.id);
  const phoneText = row.text(columns.phone);
  const phone = phoneText ? normalizePhone(phoneText) : undefined;
  if (phoneText && !phone) {
    const field = row.present(columns.phone);
    throw new RowFault(field, `${field} "${phoneText}" is not a phone number`);
  }
  const webIds = columns.webIds.map((name) => row.text([name])).filter((id) => id !== "");
  const visits = columns.visitIds.flatMap(({ names, prefix }) => {
    const visit = row.text(names);
    return visit ? [`${prefix}${visit}`] : [];
  });
  const person = phone ?? webIds[0] ?? (callId ? `${columns.preset}:call:${callId}` : "");
  if (person === "") throw new RowFault(row.present(columns.phone), `${row.present(columns.phone)} is empty`);
  const answered = isAnswered(row, columns);
  const outgoing = /^(out|outgoing|исходящий|исх)/i.test(row.text(columns.direction));
  const event = outgoing ? OUTGOING_CALL : answered ? CALL : MISSED_CALL;
  const properties = compact({
    call_id: callId,
    phone,
    answered,
    duration: seconds(row, columns.duration),
    wait: seconds(row, columns.wait),
    tracking_number: normalizePhone(row.text(columns.trackingNumber)) ?? row.text(columns.trackingNumber),
    direction: row.text(columns.direction),
    ...namedProperties(row, columns.properties),
  });
  const id = callId ? `${columns.preset}:call:${callId}` : null;
  return [...links.linkAll(person, [...webIds, ...visits], time), { person, time, event, properties, id }];
}

function callTime(row: Row, columns: CallColumns): number {
  const date = row.text(columns.time);
  const clock = row.text(columns.timeOfDay);
  if (date && clock && !date.includes(":")) {
    const time = parseLocalTime(`${date} ${clock}`);
    const field = row.present(columns.time);
    if (time === undefined)
      throw new RowFault(field, `${field} "${date} ${clock}" is not a date or time; ${LOCAL_TIME_HINT}`);
    return time;
  }
  const time = localTimeOf(row, columns.time);
  if (time === undefined)
    throw new RowFault(row.present(columns.time), `${row.present(columns.time)} is empty`);
  return time;
}

function isAnswered(row: Row, columns: CallColumns): boolean {
  const lost = yesNo(row.text(columns.lost));
  if (lost !== undefined) return !lost;
  const answered = yesNo(row.text(columns.answered));
  if (answered !== undefined) return answered;
  return (seconds(row, columns.duration) ?? 0) > 0;
}

function yesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (word === "") return undefined;
  if (YES.has(word)) return true;
  if (NO.has(word) || word.startsWith("не ")) return false;
  if (YES_WORDS.some((yes) => word.startsWith(yes))) return true;
  return undefined;
}

/** A duration as seconds: `184`, `184,5`, `3:04` or `00:03:04`. */
function seconds(row: Row, names: readonly string[]): number | undefined {
  const text = row.text(names);
  if (text === "") return undefined;
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const number = parseNumber(text);
  if (number !== undefined) return number;
  const field = row.present(names);
  throw new RowFault(field, `${field} "${text}" is not a duration; expected seconds or HH:MM:SS`);
}

function namedProperties(
  row: Row,
  names: Readonly<Record<string, readonly string[]>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [property, columns] of Object.entries(names)) {
    const value = row.value(columns);
    result[property] = Array.isArray(value) ? listText(value) : row.text(columns);
  }
  return result;
}

/** Tag lists from APIs: `[{"tag_name": "Продажа"}]`, `[{"names": ["Продажа"]}]` or plain strings. */
function listText(items: unknown[]): string {
  const names = items.flatMap((item) => {
    if (typeof item === "string") return [item];
    if (typeof item !== "object" || item === null) return [];
    const record = item as Record<string, unknown>;
    if (typeof record.tag_name === "string") return [record.tag_name];
    if (Array.isArray(record.names))
      return record.names.filter((name): name is string => typeof name === "string");
    return [];
  });
  return names.join(", ");
}
