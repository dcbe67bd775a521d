import { parseTime, TIME_FORMATS_HINT } from "../parse-time.js";
import { IDENTIFY_EVENT, IdentityLinks } from "./identity-links.js";
import { compact, type PresetEvent, type RowMapper } from "./preset-event.js";
import { type Row, RowFault } from "./row.js";

/** Segment's page and screen calls become the event names PostHog uses for them. */
export const PAGEVIEW_EVENT = "$pageview";
export const SCREEN_EVENT = "$screen";

/**
 * `--preset segment`: event streams in the Segment spec (also RudderStack), PostHog batch exports
 * and Mixpanel raw exports, one message per line (or a `{"batch": [...]}` line).
 * - Segment/RudderStack (`type`): person = `userId`, else `anonymousId`; time = `timestamp`
 *   (else `originalTimestamp`, `receivedAt`, `sentAt`); id = `messageId`. `track` → its `event`,
 *   `page` → `$pageview` with `url`, `screen` → `$screen`; `identify` and `alias` → `$identify`
 *   (person = userId, alias = anonymousId / previousId); a track or page with both ids links them
 *   too. `group` carries no step of a journey and is skipped. Properties: `properties`, plus
 *   `context.campaign` as `utm_*` and `context.page.url` as `url`.
 * - PostHog (`distinct_id`): person = distinct_id, `properties` (an object or JSON text), id = `uuid`;
 *   `$identify` links `$anon_distinct_id`.
 * - Mixpanel (`properties.distinct_id`): time = `properties.time`, id = `$insert_id`.
 */
export function createSegmentMapper(): RowMapper {
  const links = new IdentityLinks("segment");
  return (row) => {
    if (row.found(["type"]) !== undefined) return segmentEvents(row, links);
    if (row.found(["distinct_id"]) !== undefined) return postHogEvents(row, links);
    if (row.found(["properties.distinct_id"]) !== undefined) return mixpanelEvents(row, links);
    throw new RowFault(
      "type",
      "neither a Segment message (type), a PostHog event (distinct_id) nor a Mixpanel event",
    );
  };
}

function segmentEvents(row: Row, links: IdentityLinks): PresetEvent[] {
  const type = row.text(["type"]).toLowerCase();
  const userId = row.text(["userId", "user_id"]);
  const anonymousId = row.text(["anonymousId", "anonymous_id"]);
  const time = timeOf(row, ["timestamp", "originalTimestamp", "receivedAt", "sentAt"]);
  if (type === "identify") return userId ? links.link(userId, anonymousId, time) : [];
  if (type === "alias")
    return userId ? links.link(userId, row.text(["previousId", "previous_id"]), time) : [];
  if (type === "group") return [];
  const person = userId || anonymousId;
  if (person === "") throw new RowFault("userId", "userId and anonymousId are both empty");
  const event = segmentEventName(row, type);
  const properties = compact({ ...campaign(row), ...objectOf(row.value(["properties"])) });
  if (properties.url === undefined)
    Object.assign(properties, compact({ url: row.text(["context.page.url"]) }));
  const name = row.text(["name"]);
  if (type === "page" && name && properties.name === undefined) properties.name = name;
  const linked = userId && anonymousId ? links.link(userId, anonymousId, time) : [];
  return [...linked, { person, time, event, properties, id: row.text(["messageId"]) || null }];
}

function segmentEventName(row: Row, type: string): string {
  if (type === "page") return PAGEVIEW_EVENT;
  if (type === "screen") return SCREEN_EVENT;
  if (type === "track") return row.requireText(["event"]);
  throw new RowFault("type", `type "${type}" is not one of track, page, screen, identify, alias, group`);
}

function campaign(row: Row): Record<string, unknown> {
  const part = (key: string): string => row.text([`context.campaign.${key}`]);
  return {
    utm_source: part("source"),
    utm_medium: part("medium"),
    utm_campaign: part("name"),
    utm_term: part("term"),
    utm_content: part("content"),
  };
}

function postHogEvents(row: Row, links: IdentityLinks): PresetEvent[] {
  const person = row.requireText(["distinct_id"]);
  const event = row.requireText(["event"]);
  const time = timeOf(row, ["timestamp", "created_at"]);
  const properties = objectOf(row.value(["properties"]));
  if (event === IDENTIFY_EVENT) return links.link(person, textOf(properties.$anon_distinct_id), time);
  const url = textOf(properties.$current_url);
  if (url && properties.url === undefined) properties.url = url;
  return [{ person, time, event, properties: compact(properties), id: row.text(["uuid"]) || null }];
}

function mixpanelEvents(row: Row, links: IdentityLinks): PresetEvent[] {
  const person = row.requireText(["properties.distinct_id"]);
  const event = row.requireText(["event"]);
  const time = timeOf(row, ["properties.time"]);
  const properties = objectOf(row.value(["properties"]));
  if (event === IDENTIFY_EVENT) return links.link(person, textOf(properties.$anon_distinct_id), time);
  const { distinct_id: _person, time: _time, ...rest } = properties;
  return [
    { person, time, event, properties: compact(rest), id: row.text(["properties.$insert_id"]) || null },
  ];
}

function timeOf(row: Row, names: readonly string[]): number {
  const name = row.found(names);
  const raw = name === undefined ? undefined : row.value([name]);
  const time = typeof raw === "string" || typeof raw === "number" ? parseTime(raw) : undefined;
  if (time !== undefined) return time;
  const field = name ?? row.present(names);
  throw new RowFault(
    field,
    `${field} ${JSON.stringify(raw ?? null)} is not a date or time; ${TIME_FORMATS_HINT}`,
  );
}

/** Properties arrive as an object, or (PostHog exports) as JSON text holding one. */
function objectOf(value: unknown): Record<string, unknown> {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new RowFault("properties", "properties is text that is not a JSON object");
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  return { ...(parsed as Record<string, unknown>) };
}

function textOf(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}
