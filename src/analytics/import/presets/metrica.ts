import { parseNumber } from "../parse-number.js";
import { IdentityLinks } from "./identity-links.js";
import { requireLocalTime } from "./local-time.js";
import { compact, type PresetEvent, type RowMapper } from "./preset-event.js";
import { Row, RowFault } from "./row.js";

/** Attribution-prefixed source fields (`ym:s:lastsignUTMSource`, `ym:pv:lastTrafficSource`) and their property names. */
const SOURCE_FIELDS: Record<string, string> = {
  UTMSource: "utm_source",
  UTMMedium: "utm_medium",
  UTMCampaign: "utm_campaign",
  UTMContent: "utm_content",
  UTMTerm: "utm_term",
  TrafficSource: "traffic_source",
  AdvEngine: "adv_engine",
  SearchEngine: "search_engine",
  SearchEngineRoot: "search_engine_root",
  SocialNetwork: "social_network",
  ReferalSource: "referral_source",
};
const SOURCE_FIELD = new RegExp(`^[a-z_]*?(${Object.keys(SOURCE_FIELDS).join("|")})$`);

/** Plain fields with a property name shared with the other presets. */
const RENAMED: Record<string, string> = {
  URL: "url",
  startURL: "url",
  endURL: "end_url",
  title: "title",
  referer: "referrer",
  regionCity: "city",
  regionCountry: "country",
  pageViews: "page_views",
  visitDuration: "visit_duration",
  isNewUser: "is_new_user",
};
const DEVICES: Record<string, string> = { "1": "desktop", "2": "mobile", "3": "tablet", "4": "tv" };

/** Fields that become the event itself (or its goal and purchase events), not properties. */
const STRUCTURAL = new Set(
  ["clientID", "dateTime", "date", "watchID", "visitID", "goalsID", "goalsDateTime", "goalsSerialNumber"]
    .concat([
      "goalsPrice",
      "goalsOrder",
      "goalsCurrency",
      "params",
      "isPageView",
      "link",
      "download",
      "watchIDs",
    ])
    .concat(["purchaseID", "purchaseRevenue", "purchaseDateTime", "purchaseCurrency"]),
);

/**
 * `--preset metrica`: Yandex Metrica Logs API files (TSV with the field names as header).
 * - hits (`ym:pv:*`): person = `clientID`, time = `dateTime` (counter time, read as Moscow), id =
 *   `watchID`; a page view → `page_view`, a link click → `link_click`, a download → `download`,
 *   a `goal://` hit is its goals only, anything else → `hit`.
 * - visits (`ym:s:*`): one `visit` (id `visitID`) at `dateTime`.
 * - both: each id in `goalsID` → a `goal` event with `goal_id` (at its `goalsDateTime` in visits),
 *   each `purchaseID` → a `purchase` event with `order_id` and `revenue`; a `UserID` sent in the
 *   params (`__ymu`) links to the clientID. Properties: `url`, `referrer`, `utm_*`, `traffic_source`
 *   (from any attribution model's fields), `device` and every other field without its prefix.
 */
export function createMetricaMapper(): RowMapper {
  const links = new IdentityLinks("metrica");
  return (row) => {
    const prefix =
      row.found(["ym:s:clientID"]) !== undefined || "ym:s:visitID" in row.values ? "ym:s:" : "ym:pv:";
    const person = row.requireText([`${prefix}clientID`]);
    const time = requireLocalTime(row, [`${prefix}dateTime`]);
    const properties = metricaProperties(row, prefix);
    const field = (name: string): string => row.text([`${prefix}${name}`]);
    const ownId = prefix === "ym:s:" ? field("visitID") : field("watchID");
    const main = mainEvent(row, prefix);
    const events: PresetEvent[] = main ? [{ person, time, event: main, properties, id: ownId || null }] : [];
    events.push(...goals(row, prefix, { person, time, ownId, properties }));
    events.push(...purchases(row, prefix, { person, time, ownId, properties }));
    const userId = ymUserId(field("params"));
    return [...links.link(userId, person, time), ...events];
  };
}

function mainEvent(row: Row, prefix: string): string | undefined {
  if (prefix === "ym:s:") return "visit";
  const flag = (name: string): boolean => row.text([`${prefix}${name}`]) === "1";
  if (row.text([`${prefix}URL`]).startsWith("goal://")) return undefined;
  if (flag("isPageView") || row.found([`${prefix}isPageView`]) === undefined) return "page_view";
  if (flag("link")) return "link_click";
  if (flag("download")) return "download";
  return "hit";
}

type Parent = { person: string; time: number; ownId: string; properties: Record<string, unknown> };

function goals(row: Row, prefix: string, parent: Parent): PresetEvent[] {
  const ids = listOf(row, `${prefix}goalsID`);
  const times = listOf(row, `${prefix}goalsDateTime`);
  return ids.map((goal, i) => {
    const at = times[i];
    const time = at ? elementTime(`${prefix}goalsDateTime`, at) : parent.time;
    return {
      person: parent.person,
      time,
      event: "goal",
      properties: { ...parent.properties, goal_id: parseNumber(goal) ?? goal },
      id: parent.ownId ? `${parent.ownId}:goal:${i + 1}` : null,
    };
  });
}

function purchases(row: Row, prefix: string, parent: Parent): PresetEvent[] {
  const ids = listOf(row, `${prefix}purchaseID`);
  const revenues = listOf(row, `${prefix}purchaseRevenue`);
  const times = listOf(row, `${prefix}purchaseDateTime`);
  return ids.map((order, i) => {
    const at = times[i];
    const time = at ? elementTime(`${prefix}purchaseDateTime`, at) : parent.time;
    const revenue = parseNumber(revenues[i] ?? "");
    return {
      person: parent.person,
      time,
      event: "purchase",
      properties: compact({ ...parent.properties, order_id: order, revenue }),
      id: `metrica:purchase:${order}`,
    };
  });
}

/** A time inside an array field, checked (and blamed on that field) like a cell. */
function elementTime(field: string, text: string): number {
  return requireLocalTime(new Row({ [field]: text }), [field]);
}

function metricaProperties(row: Row, prefix: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(row.values)) {
    if (!key.startsWith(prefix) || typeof raw !== "string") continue;
    const name = key.slice(prefix.length);
    const value = raw.trim();
    if (value === "" || value.startsWith("[") || STRUCTURAL.has(name)) continue;
    const source = SOURCE_FIELD.exec(name)?.[1];
    if (source) properties[SOURCE_FIELDS[source] as string] ??= value;
    else if (name === "deviceCategory") properties.device = DEVICES[value] ?? value;
    else properties[RENAMED[name] ?? name] = parseNumber(value) ?? value;
  }
  return properties;
}

/** A ClickHouse array literal: `[1,2]`, `['2024-06-01 11:01:41','…']`, `[]`. */
function listOf(row: Row, name: string): string[] {
  const text = row.text([name]);
  if (text === "" || text === "[]") return [];
  if (!text.startsWith("[") || !text.endsWith("]"))
    throw new RowFault(name, `${name} "${text}" is not a list like [1,2]`);
  return text
    .slice(1, -1)
    .split(",")
    .map((item) => item.trim().replace(/^'(.*)'$/, "$1"))
    .filter((item) => item !== "");
}

/** The site's own user id, sent as `params.__ymu.UserID` (also with CSV-doubled quotes). */
function ymUserId(params: string): string {
  if (!params.includes("UserID")) return "";
  const match = /"UserID"+\s*:\s*"*([^",}]+)/.exec(params);
  return match?.[1]?.trim() ?? "";
}
