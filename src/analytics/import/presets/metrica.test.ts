import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { atomicFailure, fixture, moscow, readWith } from "./read-with-preset.test-support.js";

const HITS = path.join(import.meta.dirname, "fixtures", "metrica-hits.tsv");
const VISITS = path.join(import.meta.dirname, "fixtures", "metrica-visits.tsv");
const ANNA = "1717171717123456789";

describe("--preset metrica (Logs API TSV)", () => {
  it("reads hits: page views, goals as their own events, the UserID param as a link", async () => {
    const { events, rejected } = await readWith(HITS, { preset: "metrica" });
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.event, e.person, e.time, e.properties.goal_id ?? null, e.id])).toEqual([
      ["page_view", ANNA, moscow(2024, 6, 1, 11, 0, 12), null, "9142356677210034501"],
      ["page_view", ANNA, moscow(2024, 6, 1, 11, 1, 41), null, "9142356677210034999"],
      ["goal", ANNA, moscow(2024, 6, 1, 11, 1, 41), 229830811, "9142356677210034999:goal:1"],
      ["goal", ANNA, moscow(2024, 6, 1, 11, 3, 23), 229830999, "9142356677210035210:goal:1"],
      ["page_view", ANNA, moscow(2024, 6, 1, 11, 3, 24), null, "9142356677210035321"],
      ["page_view", "1699887766554433221", moscow(2024, 6, 1, 11, 5, 2), null, "9142356677210088777"],
      ["$identify", "crm-884120", moscow(2024, 6, 3, 12, 59, 58), null, `$identify:crm-884120:${ANNA}`],
      ["page_view", ANNA, moscow(2024, 6, 3, 12, 59, 58), null, "9142356677210099001"],
      ["goal", ANNA, moscow(2024, 6, 3, 12, 59, 58), 229831000, "9142356677210099001:goal:1"],
      ["goal", ANNA, moscow(2024, 6, 3, 12, 59, 58), 229830811, "9142356677210099001:goal:2"],
    ]);
    expect(events[0]?.properties).toEqual({
      url: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale&yclid=4410098123",
      title: "Магазин диванов",
      referrer: "https://yandex.ru/",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
      traffic_source: "ad",
      device: "mobile",
      city: "Moscow",
    });
  });

  it("reads visits: a visit, its goals at their own times and its purchases", async () => {
    const { events } = await readWith(VISITS, { preset: "metrica" });
    const anna = events.filter((e) => e.person === ANNA);
    expect(anna.map((e) => [e.event, e.time, e.properties.goal_id ?? e.properties.order_id ?? null])).toEqual(
      [
        ["visit", moscow(2024, 6, 1, 11, 0, 12), null],
        ["goal", moscow(2024, 6, 1, 11, 1, 41), 229830811],
        ["goal", moscow(2024, 6, 1, 11, 3, 23), 229830999],
        ["visit", moscow(2024, 6, 3, 12, 58, 30), null],
        ["goal", moscow(2024, 6, 3, 12, 59, 58), 229831000],
        ["goal", moscow(2024, 6, 3, 12, 59, 58), 229830811],
        ["purchase", moscow(2024, 6, 3, 12, 58, 30), "ORD-20240603-77"],
      ],
    );
    expect(anna[0]?.properties).toEqual({
      url: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale&yclid=4410098123",
      is_new_user: 1,
      page_views: 3,
      visit_duration: 192,
      bounce: 0,
      traffic_source: "ad",
      adv_engine: "ya_direct",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
    });
    expect(anna[6]?.properties).toMatchObject({ order_id: "ORD-20240603-77", revenue: 54990 });
    expect(events.filter((e) => e.event === "visit")).toHaveLength(5);
  });

  it("names the line and column of a bad time or a short line", async () => {
    const lines = (await readFile(HITS, "utf8")).trim().split("\n");
    const badTime = (lines[1] ?? "").replace("2024-06-01 11:00:12", "2024-13-01 11:00:12");
    const short = (lines[2] ?? "").split("\t").slice(0, 5).join("\t");
    const file = await fixture("hits-part1.tsv", [lines[0], badTime, short, lines[4]].join("\n"));
    const message = await atomicFailure(file, "metrica");
    expect(message).toContain(
      'hits-part1.tsv:2:41: ym:pv:dateTime "2024-13-01 11:00:12" is not a date or time',
    );
    expect(message).toMatch(/hits-part1\.tsv:3:\d+: 5 fields, but the header has 15/);
    const { events, rejected } = await readWith(file, { preset: "metrica" });
    expect(events.map((e) => e.id)).toEqual(["9142356677210035321"]);
    expect(rejected).toHaveLength(2);
  });

  it("says which columns a file lacks when it is not a Logs API file", async () => {
    const file = await fixture("report.tsv", "Дата\tВизиты\n2024-06-01\t12\n");
    await expect(readWith(file, { preset: "metrica" })).rejects.toThrow(
      /report\.tsv:1:1.*no "ym:pv:clientID" or "ym:s:clientID" column.*Yandex Metrica Logs API file/,
    );
  });
});
