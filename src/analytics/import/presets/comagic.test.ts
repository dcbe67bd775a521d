import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { atomicFailure, fixture, moscow, readWith } from "./read-with-preset.test-support.js";

const API = path.join(import.meta.dirname, "fixtures", "comagic-calls-report.json");

describe("--preset comagic (CoMagic/UIS)", () => {
  it("reads get.calls_report records: lost calls missed, outgoing calls apart, visitors linked", async () => {
    const { events, rejected } = await readWith(API, { preset: "comagic" });
    expect(rejected).toEqual([]);
    expect(
      events.map((e) => [e.event, e.person, e.time, e.properties.alias ?? e.properties.answered]),
    ).toEqual([
      ["$identify", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), "comagic:visitor:99001122"],
      ["call", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), true],
      ["$identify", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), "comagic:visitor:99001188"],
      ["missed call", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), false],
      ["outgoing call", "+79031112233", moscow(2024, 6, 1, 12, 10, 2), true],
      ["call", "+79255554433", moscow(2024, 6, 2, 10, 2, 17), true],
      ["$identify", "+79120001122", moscow(2024, 6, 2, 22, 14, 9), "comagic:visitor:99002001"],
      ["missed call", "+79120001122", moscow(2024, 6, 2, 22, 14, 9), false],
    ]);
    expect(events[1]?.properties).toEqual({
      call_id: "5520011",
      phone: "+79161234567",
      answered: true,
      duration: 184,
      wait: 9,
      tracking_number: "+74951234501",
      direction: "in",
      source: "va",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
      city: "Москва",
      manager: "Ирина Смирнова",
      finish_reason: "subscriber_disconnects",
      tags: "Продажа",
    });
    expect(events[1]?.id).toBe("comagic:call:5520011");
  });

  it("reads the UI call report as .xlsx with Russian headers and a date column", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Отчёт по звонкам");
    sheet.addRow([
      "ID звонка",
      "Дата",
      "Направление",
      "Номер абонента",
      "Виртуальный номер",
      "Потерянный",
      "Длительность разговора",
      "UTM Source",
    ]);
    sheet.addRow([
      5520011,
      new Date(Date.UTC(2024, 5, 1, 11, 20, 5)),
      "Входящий",
      "79161234567",
      "74951234501",
      "Нет",
      184,
      "yandex",
    ]);
    sheet.addRow([
      5520019,
      new Date(Date.UTC(2024, 5, 1, 12, 9, 40)),
      "Входящий",
      "79031112233",
      "74951234502",
      "Да",
      0,
    ]);
    sheet.addRow([
      5520020,
      new Date(Date.UTC(2024, 5, 1, 12, 10, 2)),
      "Исходящий",
      "79031112233",
      "74951234502",
      "Нет",
      95,
    ]);
    sheet.addRow([5520021, "вчера", "Входящий", "79031112233", "74951234502", "Нет", 95]);
    const file = await fixture("Звонки.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { events, rejected } = await readWith(file, { preset: "comagic" });
    expect(events.map((e) => [e.event, e.person, e.time, e.properties.duration])).toEqual([
      ["call", "+79161234567", moscow(2024, 6, 1, 11, 20, 5), 184],
      ["missed call", "+79031112233", moscow(2024, 6, 1, 12, 9, 40), 0],
      ["outgoing call", "+79031112233", moscow(2024, 6, 1, 12, 10, 2), 95],
    ]);
    expect(rejected.map((r) => `${r.location}: ${r.reason}`)).toEqual([
      `Звонки.xlsx:5:2: Дата "вчера" is not a date or time; ${"expected DD.MM.YYYY HH:MM[:SS], DD/MM/YYYY HH:MM:SS, YYYY-MM-DD HH:MM:SS or ISO 8601"}`,
    ]);
    expect(await atomicFailure(file, "comagic")).toContain("Звонки.xlsx:5:2: Дата");
  });
});
