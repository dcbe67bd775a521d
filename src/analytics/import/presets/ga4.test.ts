import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { atomicFailure, fixture, readWith } from "./read-with-preset.test-support.js";

const EXPORT = path.join(import.meta.dirname, "fixtures", "ga4-bigquery-export.ndjson");

describe("--preset ga4 (BigQuery export, JSON lines)", () => {
  it("reads events with µs timestamps, flattened params and traffic sources", async () => {
    const { events, rejected } = await readWith(EXPORT, { preset: "ga4" });
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.event, e.person, e.time])).toEqual([
      ["session_start", "1843267351.1717228800", 1717228812345],
      ["page_view", "1843267351.1717228800", 1717228812456],
      ["view_item", "1843267351.1717228800", 1717228901000],
      ["generate_lead", "1843267351.1717228800", 1717229003111],
      ["$identify", "crm-884120", 1717408800222],
      ["purchase", "crm-884120", 1717408800222],
    ]);
    const [sessionStart] = events;
    expect(sessionStart?.properties).toEqual({
      ga_session_id: 1717228812,
      ga_session_number: 1,
      page_location: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale",
      page_title: "Магазин диванов",
      session_engaged: "0",
      url: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale",
      platform: "WEB",
      device_category: "mobile",
      operating_system: "iOS",
      browser: "Safari",
      country: "Russia",
      city: "Moscow",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
      utm_term: "диван угловой",
      utm_content: "ad_1",
      session_source: "yandex",
      session_medium: "cpc",
      session_campaign: "spring_sale",
      first_touch_source: "yandex",
      first_touch_medium: "cpc",
      first_touch_campaign: "spring_sale",
    });
    expect(events[2]?.properties).toMatchObject({ value: 54990, currency: "RUB" });
    expect(events[2]?.properties.transaction_id).toBeUndefined();
  });

  it("lets user_id win and links the pseudo id to it once", async () => {
    const lines = (await readFile(EXPORT, "utf8")).trim().split("\n");
    const purchase = lines[4] ?? "";
    const again = purchase.replace('"1717408800222222"', '"1717408900000000"');
    const file = await fixture("events_20240603.json", `${purchase}\n${again}\n`);
    const { events } = await readWith(file, { preset: "ga4" });
    expect(events.filter((e) => e.event === "$identify")).toEqual([
      {
        person: "crm-884120",
        time: 1717408800222,
        event: "$identify",
        properties: { alias: "1843267351.1717228800", via: "ga4" },
        source: "events_20240603.json",
        id: "$identify:crm-884120:1843267351.1717228800",
      },
    ]);
    const purchases = events.filter((e) => e.event === "purchase");
    expect(purchases.map((e) => [e.person, e.properties.revenue, e.properties.transaction_id])).toEqual([
      ["crm-884120", 54990, "ORD-20240603-77"],
      ["crm-884120", 54990, "ORD-20240603-77"],
    ]);
  });

  it("names the line of a record without a timestamp or a person", async () => {
    const good = (await readFile(EXPORT, "utf8")).split("\n")[1] ?? "";
    const text = [
      good,
      '{"event_date":"20240601","event_name":"scroll","user_pseudo_id":"1.2"}',
      '{"event_date":"20240601","event_timestamp":"1717228812456789","event_name":"scroll","user_pseudo_id":null,"user_id":null}',
      '{"event_timestamp":"17172288124567x9","event_name":"scroll","user_pseudo_id":"1.2"}',
    ].join("\n");
    const file = await fixture("events_bad.json", text);
    const message = await atomicFailure(file, "ga4");
    expect(message).toContain("events_bad.json:2:1: event_timestamp null is not microseconds since 1970");
    expect(message).toContain("events_bad.json:3:1: user_pseudo_id and user_id are both empty");
    expect(message).toContain('events_bad.json:4:1: event_timestamp "17172288124567x9" is not microseconds');
    const { events, rejected } = await readWith(file, { preset: "ga4" });
    expect(events.map((e) => e.event)).toEqual(["page_view"]);
    expect(rejected.map((r) => r.location)).toEqual([
      "events_bad.json:2:1",
      "events_bad.json:3:1",
      "events_bad.json:4:1",
    ]);
  });

  it("reads a flattened export saved as CSV by the same mapping", async () => {
    const csv = [
      "event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,page_location,source,medium,campaign",
      "20240601,1717228812345678,session_start,1843267351.1717228800,1717228812,https://shop.example.ru/,yandex,cpc,spring_sale",
    ].join("\n");
    const file = await fixture("flat.csv", csv);
    const { events } = await readWith(file, { preset: "ga4" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      person: "1843267351.1717228800",
      time: 1717228812345,
      event: "session_start",
    });
    expect(events[0]?.properties).toMatchObject({
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
    });
  });
});
