import path from "node:path";
import { describe, expect, it } from "vitest";
import { atomicFailure, cp1251, fixture, moscow, readWith } from "./read-with-preset.test-support.js";

const API = path.join(import.meta.dirname, "fixtures", "roistat-call-list.json");

describe("--preset roistat", () => {
  it("reads call/list records: +0300 dates, ANSWER vs the rest, the visit and its client ids linked", async () => {
    const { events, rejected } = await readWith(API, { preset: "roistat" });
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.event, e.person, e.time, e.properties.alias ?? e.properties.status])).toEqual(
      [
        ["$identify", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "1717171717123456789"],
        ["$identify", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "1843267351.1717228800"],
        ["$identify", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "roistat:visit:480123"],
        ["call", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "ANSWER"],
        ["$identify", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), "1688001122334455667"],
        ["$identify", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), "roistat:visit:480177"],
        ["missed call", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), "NOANSWER"],
        ["call", "+79031112233", moscow(2024, 6, 1, 12, 10, 2), "ANSWER"],
        ["call", "+79255554433", moscow(2024, 6, 2, 10, 2, 17), "ANSWER"],
        ["$identify", "+79120001122", moscow(2024, 6, 2, 22, 14, 9), "1677000111222333444"],
        ["$identify", "+79120001122", moscow(2024, 6, 2, 22, 14, 9), "roistat:visit:480301"],
        ["missed call", "+79120001122", moscow(2024, 6, 2, 22, 14, 9), "BUSY"],
      ],
    );
    expect(events[3]?.properties).toEqual({
      call_id: "700101",
      phone: "+79161234567",
      answered: true,
      duration: 193,
      tracking_number: "+74951234501",
      marker: "direct1_spring_sale_ad_1",
      order_id: "31500412",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
      url: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale",
      site: "shop.example.ru",
      new_caller: "1",
      status: "ANSWER",
    });
  });

  it("reads a Russian CSV export; a hidden number leaves the call as its own person; a bad date is named", async () => {
    const text = [
      "ID звонка;Дата;Номер клиента;Номер;Статус;Длительность;Визит;Маркер",
      "700101;01.06.2024 11:20;79161234567;74951234501;Отвечен;193;480123;direct1_spring_sale_ad_1",
      "700102;01.06.2024 12:09;79031112233;74951234502;Не отвечен;0;480177;seo_google",
      "700103;32.06.2024 12:10;79031112233;74951234502;Отвечен;101;;seo_google",
      "700104;02.06.2024 10:02;;74951234599;Отвечен;416;;offline_vizitki",
    ].join("\r\n");
    const file = await fixture("roistat_calls.csv", cp1251(text));
    const message = await atomicFailure(file, "roistat");
    expect(message).toContain('roistat_calls.csv:4:8: Дата "32.06.2024 12:10" is not a date or time');
    const { events } = await readWith(file, { preset: "roistat" });
    expect(events.filter((e) => e.event !== "$identify").map((e) => [e.event, e.person, e.time])).toEqual([
      ["call", "+79161234567", moscow(2024, 6, 1, 11, 20)],
      ["missed call", "+79031112233", moscow(2024, 6, 1, 12, 9)],
      ["call", "roistat:call:700104", moscow(2024, 6, 2, 10, 2)],
    ]);
  });
});
