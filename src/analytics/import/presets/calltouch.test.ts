import path from "node:path";
import { describe, expect, it } from "vitest";
import { atomicFailure, cp1251, fixture, moscow, readWith } from "./read-with-preset.test-support.js";

const API = path.join(import.meta.dirname, "fixtures", "calltouch-calls-diary.json");

/** The call journal as the UI exports it (Russian headers, `;`, Windows-1251, DD.MM.YYYY HH:MM). */
const JOURNAL = [
  "ID звонка;Дата;Номер абонента;Статус звонка;Длительность разговора;Время ожидания;Источник;Канал;UTM Source;UTM Medium;UTM Campaign;Yandex Client ID;Менеджер",
  "88120001;01.06.2024 11:20;+7 (916) 123-45-67;Успешный;00:03:04;9;yandex;cpc;yandex;cpc;spring_sale;1717171717123456789;Ирина Смирнова",
  "88120002;01.06.2024 12:09;8 903 111-22-33;Неуспешный;0;31;google;organic;;;;1688001122334455667;",
  "88120003;01.06.2024 12:10;89031112233;Успешный;95;6;google;organic;;;;;Олег Петров",
].join("\r\n");

describe("--preset calltouch", () => {
  it("reads calls-diary records: day-first dates, answered and missed calls, web ids linked to the phone", async () => {
    const { events, rejected } = await readWith(API, { preset: "calltouch" });
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.event, e.person, e.time, e.properties.alias ?? e.id])).toEqual([
      ["$identify", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "1717171717123456789"],
      ["$identify", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "1843267351.1717228800"],
      ["call", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "calltouch:call:88120001"],
      ["$identify", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), "1688001122334455667"],
      ["missed call", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), "calltouch:call:88120002"],
      ["call", "+79031112233", moscow(2024, 6, 1, 12, 10, 2), "calltouch:call:88120003"],
      ["call", "+79255554433", moscow(2024, 6, 2, 10, 2, 17), "calltouch:call:88120010"],
      ["$identify", "+79120001122", moscow(2024, 6, 2, 22, 14, 9), "1677000111222333444"],
      ["missed call", "+79120001122", moscow(2024, 6, 2, 22, 14, 9), "calltouch:call:88120017"],
    ]);
    expect(events[2]?.properties).toEqual({
      call_id: "88120001",
      phone: "+79161234567",
      answered: true,
      duration: 184,
      wait: 9,
      tracking_number: "+74951234501",
      source: "yandex",
      medium: "cpc",
      keyword: "диван угловой",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
      utm_content: "ad_1",
      utm_term: "диван угловой",
      url: "https://shop.example.ru/?utm_source=yandex&utm_medium=cpc&utm_campaign=spring_sale",
      call_url: "https://shop.example.ru/catalog/divan-oslo",
      city: "Москва",
      manager: "Ирина Смирнова",
      unique: "true",
      target: "true",
      tags: "Продажа",
    });
  });

  it("reads the UI call journal: Russian headers, Windows-1251, HH:MM:SS durations", async () => {
    const file = await fixture("Журнал звонков.csv", cp1251(JOURNAL));
    const { events, rejected } = await readWith(file, { preset: "calltouch" });
    expect(rejected).toEqual([]);
    const calls = events.filter((e) => e.event !== "$identify");
    expect(calls.map((e) => [e.event, e.person, e.time, e.properties.duration])).toEqual([
      ["call", "+79161234567", moscow(2024, 6, 1, 11, 20), 184],
      ["missed call", "+79031112233", moscow(2024, 6, 1, 12, 9), 0],
      ["call", "+79031112233", moscow(2024, 6, 1, 12, 10), 95],
    ]);
    expect(calls[0]?.properties).toMatchObject({ utm_campaign: "spring_sale", manager: "Ирина Смирнова" });
  });

  it("names the line and column of a bad phone, date or duration", async () => {
    const lines = JOURNAL.split("\r\n");
    const text = [
      lines[0],
      "88120004;01.06.2024 12:30;позвонить позже;Успешный;95;6;;;;;;;",
      "88120005;2024-06-01 2:30;+79031112233;Успешный;95;6;;;;;;;",
      "88120006;01.06.2024 12:40;+79031112233;Успешный;долго;6;;;;;;;",
    ].join("\r\n");
    const file = await fixture("calls.csv", cp1251(text));
    const message = await atomicFailure(file, "calltouch");
    expect(message).toContain('calls.csv:2:27: Номер абонента "позвонить позже" is not a phone number');
    expect(message).toContain('calls.csv:3:10: Дата "2024-06-01 2:30" is not a date or time');
    expect(message).toContain('calls.csv:4:49: Длительность разговора "долго" is not a duration');
  });
});
