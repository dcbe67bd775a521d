import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { atomicFailure, cp1251, fixture, moscow, readWith } from "./read-with-preset.test-support.js";

/** A deal list export as a Russian portal writes it: Windows-1251, `;`, CRLF, decimal commas. */
const EXPORT = path.join(import.meta.dirname, "fixtures", "bitrix24-deals.csv");

describe("--preset bitrix24 (deal export)", () => {
  it("turns each deal into its creation and its current stage; won and lost by stage name", async () => {
    const { events, rejected } = await readWith(EXPORT, { preset: "bitrix24" });
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.event, e.person, e.time, e.properties.stage, e.properties.amount])).toEqual([
      ["deal created", "bitrix24:contact:Анна", moscow(2024, 6, 1, 11, 3, 25), "Сделка успешна", 54990],
      ["deal won", "bitrix24:contact:Анна", moscow(2024, 6, 3, 13, 5, 10), "Сделка успешна", 54990],
      ["deal created", "+79031112233", moscow(2024, 6, 1, 12, 10, 3), "Подготовка документов", 0],
      ["deal stage", "+79031112233", moscow(2024, 6, 1, 12, 30, 0), "Подготовка документов", 0],
      ["deal created", "bitrix24:contact:Сергей Волков", moscow(2024, 6, 2, 9, 15, 47), "В работе", 412000],
      ["deal stage", "bitrix24:contact:Сергей Волков", moscow(2024, 6, 5, 18, 2, 11), "В работе", 412000],
      ["deal created", "bitrix24:contact:Марина", moscow(2024, 6, 2, 21, 40, 0), "Сделка провалена", 23990],
      ["deal lost", "bitrix24:contact:Марина", moscow(2024, 6, 4, 10, 0, 0), "Сделка провалена", 23990],
      ["deal created", "bitrix24:contact:Анна", moscow(2024, 6, 5, 10, 0, 0), "Повторный контакт", 8990],
      ["deal stage", "bitrix24:contact:Анна", moscow(2024, 6, 5, 10, 0, 0), "Повторный контакт", 8990],
    ]);
    expect(events[1]?.properties).toEqual({
      deal_id: "1043",
      deal_name: "Заявка с сайта: обратный звонок",
      stage: "Сделка успешна",
      pipeline: "Общая",
      amount: 54990,
      revenue: 54990,
      responsible: "Ирина Смирнова",
      source: "Веб-сайт",
      contact: "Анна",
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring_sale",
    });
    expect(events[1]?.id).toBe("bitrix24:1043:stage:Сделка успешна");
  });

  it("reads crm.deal.list records: stage ids, semantic ids and REST dates with offsets", async () => {
    const records = [
      {
        ID: "1045",
        TITLE: "Опт",
        CATEGORY_ID: "1",
        STAGE_ID: "C1:WON",
        OPPORTUNITY: "412000.00",
        DATE_CREATE: "2024-06-02T09:15:47+03:00",
        DATE_MODIFY: "2024-06-05T18:02:11+03:00",
        CLOSEDATE: "2024-06-05T00:00:00+03:00",
        CONTACT_ID: "2203",
        UF_CRM_YM_CLIENT_ID: "1717171717123456789",
      },
      { ID: "1046", STAGE_ID: "UC_7K2M4Q", STAGE_SEMANTIC_ID: "F", DATE_CREATE: "2024-06-02T21:40:00+03:00" },
    ];
    const file = await fixture("deals.ndjson", `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const { events } = await readWith(file, { preset: "bitrix24" });
    expect(events.map((e) => [e.event, e.person, e.time])).toEqual([
      ["$identify", "bitrix24:contact:2203", moscow(2024, 6, 2, 9, 15, 47)],
      ["deal created", "bitrix24:contact:2203", moscow(2024, 6, 2, 9, 15, 47)],
      ["deal won", "bitrix24:contact:2203", moscow(2024, 6, 5)],
      ["deal created", "bitrix24:deal:1046", moscow(2024, 6, 2, 21, 40)],
      ["deal lost", "bitrix24:deal:1046", moscow(2024, 6, 2, 21, 40)],
    ]);
    expect(events[0]?.properties.alias).toBe("1717171717123456789");
  });

  it("names the line and column of a bad date and of a row with too few cells", async () => {
    const lines = new TextDecoder("windows-1251")
      .decode(await readFile(EXPORT))
      .trim()
      .split("\r\n");
    const badDate = (lines[1] ?? "").replace("01.06.2024 11:03:25", "01.06.2024 25:03");
    const short = "1048;Заявка;Новая";
    const file = await fixture(
      "Сделки_20240607.csv",
      cp1251([lines[0], badDate, short, lines[2]].join("\r\n")),
    );
    const message = await atomicFailure(file, "bitrix24");
    const column = (lines[1] ?? "").indexOf("01.06.2024 11:03:25") + 1;
    expect(message).toContain(
      `Сделки_20240607.csv:2:${column}: Дата создания "01.06.2024 25:03" is not a date or time`,
    );
    expect(message).toMatch(/Сделки_20240607\.csv:3:\d+: 3 fields, but the header has 16/);
    const { events } = await readWith(file, { preset: "bitrix24" });
    expect(events.map((e) => e.properties.deal_id)).toEqual(["1044", "1044"]);
  });
});
