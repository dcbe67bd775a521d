import path from "node:path";
import { describe, expect, it } from "vitest";
import { atomicFailure, fixture, readWith } from "./read-with-preset.test-support.js";

const SEGMENT = path.join(import.meta.dirname, "fixtures", "segment-messages.ndjson");
const POSTHOG = path.join(import.meta.dirname, "fixtures", "posthog-batch-export.ndjson");

describe("--preset segment", () => {
  it("reads Segment track, page and identify messages; userId wins over anonymousId", async () => {
    const { events, rejected } = await readWith(SEGMENT, { preset: "segment" });
    expect(rejected).toEqual([]);
    const anonymous = "a1b2c3d4-0000-4f00-9a00-17171717aaaa";
    expect(events.map((e) => [e.event, e.person, new Date(e.time).toISOString(), e.id])).toEqual([
      ["$pageview", anonymous, "2024-06-01T08:00:12.782Z", "ajs-next-0b9b6a1f4c1e"],
      ["Product Viewed", anonymous, "2024-06-01T08:01:41.500Z", "ajs-next-1c2d3e4f"],
      ["Callback Requested", anonymous, "2024-06-01T08:03:23.350Z", "ajs-next-2d3e4f5a"],
      ["$identify", "crm-884120", "2024-06-03T09:58:40.190Z", `$identify:crm-884120:${anonymous}`],
      ["Order Completed", "crm-884120", "2024-06-03T09:59:58.290Z", "node-4f5a6b7c"],
    ]);
    expect(events[0]?.properties).toEqual({
      path: "/",
      referrer: "https://yandex.ru/",
      search: "?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale",
      title: "Магазин диванов",
      url: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale",
      name: "Home",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
    });
    expect(events[1]?.properties.url).toBe("https://shop.example.ru/catalog/divan-oslo");
    expect(events[3]?.properties).toEqual({ alias: anonymous, via: "segment" });
    expect(events[4]?.properties).toMatchObject({ order_id: "ORD-20240603-77", revenue: 54990 });
  });

  it("reads a RudderStack batch line and links userId and anonymousId of a track call", async () => {
    const batch = {
      batch: [
        {
          type: "track",
          event: "Product Viewed",
          channel: "web",
          anonymousId: "anon-1",
          userId: "",
          properties: { product_id: "SKU-1042" },
          messageId: "m1",
          originalTimestamp: "2024-06-01T08:01:41.010Z",
          timestamp: "2024-06-01T08:01:41.490Z",
        },
        {
          type: "track",
          event: "Order Completed",
          channel: "server",
          anonymousId: "anon-1",
          userId: "crm-884120",
          messageId: "m2",
          timestamp: "2024-06-03T09:59:58.290Z",
        },
        { type: "group", userId: "crm-884120", groupId: "acme", timestamp: "2024-06-03T10:00:00Z" },
      ],
    };
    const file = await fixture("rudder.jsonl", `${JSON.stringify(batch)}\n`);
    const { events } = await readWith(file, { preset: "segment" });
    expect(events.map((e) => [e.event, e.person, e.properties.alias ?? null])).toEqual([
      ["Product Viewed", "anon-1", null],
      ["$identify", "crm-884120", "anon-1"],
      ["Order Completed", "crm-884120", null],
    ]);
  });

  it("reads a PostHog batch export: JSON-text properties, $identify with $anon_distinct_id", async () => {
    const { events } = await readWith(POSTHOG, { preset: "segment" });
    expect(events.map((e) => [e.event, e.person, e.id])).toEqual([
      ["$pageview", "0190d1a1f0c47a7b9e2d", "0190d1a2-7f00-7c1e-9a41-3f1b2c3d4e5f"],
      ["product_viewed", "0190d1a1f0c47a7b9e2d", "0190d1a3-1111-7c1e-9a41-3f1b2c3d4e60"],
      ["$autocapture", "0190d1a1f0c47a7b9e2d", "0190d1a4-2222-7c1e-9a41-3f1b2c3d4e61"],
      ["$identify", "crm-884120", "$identify:crm-884120:0190d1a1f0c47a7b9e2d"],
      ["order_completed", "crm-884120", "0190d1a6-4444-7c1e-9a41-3f1b2c3d4e63"],
    ]);
    expect(events[0]?.time).toBe(Date.UTC(2024, 5, 1, 8, 0, 12, 301));
    expect(events[0]?.properties).toMatchObject({
      url: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale",
      utm_source: "yandex",
    });
  });

  it("names the line of a message without an event name, ids or a valid time", async () => {
    const text = [
      '{"type":"track","anonymousId":"a","event":"Signed Up","timestamp":"2024-06-01T08:00:00Z"}',
      '{"type":"track","anonymousId":"a","timestamp":"2024-06-01T08:00:00Z"}',
      '{"type":"page","userId":null,"anonymousId":null,"timestamp":"2024-06-01T08:00:00Z"}',
      '{"type":"track","anonymousId":"a","event":"Paid","timestamp":"вчера"}',
      '{"type":"track",',
    ].join("\n");
    const file = await fixture("segment-bad.ndjson", text);
    const message = await atomicFailure(file, "segment");
    expect(message).toContain("segment-bad.ndjson:2:1: event is empty");
    expect(message).toContain("segment-bad.ndjson:3:1: userId and anonymousId are both empty");
    expect(message).toContain('segment-bad.ndjson:4:1: timestamp "вчера" is not a date or time');
    expect(message).toMatch(/segment-bad\.ndjson:5:\d+: invalid JSON/);
  });
});
