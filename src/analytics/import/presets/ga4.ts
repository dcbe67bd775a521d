import { parseNumber } from "../parse-number.js";
import { IdentityLinks } from "./identity-links.js";
import { compact, type PresetEvent, type RowMapper } from "./preset-event.js";
import { isBlank, type Row, RowFault, scalarText } from "./row.js";

/**
 * `--preset ga4`: the GA4 BigQuery export, one event per record (JSON lines from a Cloud Storage
 * export; Parquet rows map the same way through `createGa4Mapper`).
 * - person: `user_id` when set, else `user_pseudo_id`; a record with both also links them
 *   (`$identify`, person = user_id, alias = the pseudo id), once per pair and file.
 * - time: `event_timestamp` (µs UTC, INT64 as a JSON string); event: `event_name`.
 * - properties: every `event_params` key with its one set value (in a flattened CSV: every other
 *   column); `url` (page_location), device,
 *   geo and platform; `utm_*`/`gclid` as collected on the event (`collected_traffic_source`, else
 *   the older `source`/`medium`/`campaign` params); `session_*` (last click of the session),
 *   `first_touch_*` (`traffic_source`, the user's acquisition); `revenue`, `transaction_id`.
 */
export function createGa4Mapper(): RowMapper {
  const links = new IdentityLinks("ga4");
  return (row) => ga4Events(row, links);
}

function ga4Events(row: Row, links: IdentityLinks): PresetEvent[] {
  const event = row.requireText(["event_name"]);
  const time = microsToMs(row.value(["event_timestamp"]));
  if (time === undefined) {
    const raw = JSON.stringify(row.value(["event_timestamp"]) ?? null);
    throw new RowFault("event_timestamp", `event_timestamp ${raw} is not microseconds since 1970`);
  }
  const userId = row.text(["user_id"]);
  const pseudoId = row.text(["user_pseudo_id"]);
  const person = userId || pseudoId;
  if (person === "") throw new RowFault("user_pseudo_id", "user_pseudo_id and user_id are both empty");
  const nested = row.value(["event_params"]);
  const params = Array.isArray(nested) ? eventParams(nested) : flatColumns(row);
  const properties = compact({ ...params, ...context(row, params) });
  const linked = userId && pseudoId ? links.link(userId, pseudoId, time) : [];
  return [...linked, { person, time, event, properties, id: null }];
}

function microsToMs(value: unknown): number | undefined {
  if (typeof value === "bigint") return Number(value / 1000n);
  const text = scalarText(value);
  if (!/^\d{1,17}$/.test(text)) return undefined;
  return Math.floor(Number(text) / 1000);
}

/** `event_params` as a flat object: each key with whichever of its value members is set. */
function eventParams(value: unknown[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const param of value) {
    if (typeof param !== "object" || param === null) continue;
    const { key, value: member } = param as { key?: unknown; value?: unknown };
    if (typeof key !== "string" || typeof member !== "object" || member === null) continue;
    const set = paramValue(member as Record<string, unknown>);
    if (set !== undefined) result[key] = set;
  }
  return result;
}

const IDENTITY_COLUMNS = new Set(["event_name", "event_timestamp", "user_id", "user_pseudo_id"]);

/** A flattened export saved as CSV has its params as columns already. */
function flatColumns(row: Row): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row.values)) {
    if (IDENTITY_COLUMNS.has(name) || typeof value !== "string" || value.trim() === "") continue;
    result[name] = parseNumber(value.trim()) ?? value.trim();
  }
  return result;
}

function paramValue(member: Record<string, unknown>): unknown {
  if (!isBlank(member.string_value)) return member.string_value;
  for (const key of ["int_value", "float_value", "double_value"]) {
    const value = member[key];
    if (isBlank(value)) continue;
    const number = Number(value);
    return Number.isFinite(number) ? number : String(value);
  }
  return undefined;
}

function context(row: Row, params: Record<string, unknown>): Record<string, unknown> {
  const param = (key: string): string => scalarText(params[key]);
  const collected = (key: string): string => row.text([`collected_traffic_source.${key}`]);
  const session = (key: string): string =>
    row.text([`session_traffic_source_last_click.manual_campaign.${key}`]);
  const transaction = row.text(["ecommerce.transaction_id"]);
  return {
    url: param("page_location"),
    platform: row.text(["platform"]),
    device_category: row.text(["device.category"]),
    operating_system: row.text(["device.operating_system"]),
    browser: row.text(["device.web_info.browser", "device.browser"]),
    country: row.text(["geo.country"]),
    city: row.text(["geo.city"]),
    utm_source: collected("manual_source") || param("source"),
    utm_medium: collected("manual_medium") || param("medium"),
    utm_campaign: collected("manual_campaign_name") || param("campaign"),
    utm_term: collected("manual_term") || param("term"),
    utm_content: collected("manual_content") || param("content"),
    gclid: collected("gclid") || param("gclid"),
    session_source: session("source"),
    session_medium: session("medium"),
    session_campaign: session("campaign_name"),
    first_touch_source: row.text(["traffic_source.source"]),
    first_touch_medium: row.text(["traffic_source.medium"]),
    first_touch_campaign: row.text(["traffic_source.name"]),
    revenue: numberOrUndefined(row.value(["ecommerce.purchase_revenue"])),
    transaction_id: transaction === "(not set)" ? "" : transaction,
  };
}

function numberOrUndefined(value: unknown): number | undefined {
  if (isBlank(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
