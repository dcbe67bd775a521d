import { describe, expect, it } from "vitest";
import { exportMap } from "./export-map.js";
import { importMap } from "./import-map.js";
import { toLayoutRows } from "./map-layout.js";
import { sampleMapFile } from "./sample-map.test-support.js";

const encode = (text: string) => new TextEncoder().encode(text);

describe("CSV", () => {
  it("writes the stage × lane table, then a blank row and the transition table", async () => {
    const { body } = await exportMap(sampleMapFile(), "csv");
    // Russian number formatting groups thousands with a no-break space.
    const text = String(body).replace(/[\u00a0\u202f]/g, " ");
    expect(text.startsWith("\uFEFFдорожка,тип,Увидела рекламу,Лендинг,")).toBe(true);
    expect(text).toContain('Действия,actions,Кликает на баннер,"Читает описание\nСмотрит цены: 990 ₽/мес"');
    expect(text).toContain("\r\n\r\nПереход,Дошли → Перешли,Конверсия,Потеряно,Цель,Ключевой барьер\r\n");
    expect(text).toContain("Увидела рекламу → Лендинг,10 000 → 200,2%,9 800,3%,★");
  });

  it("round-trips stages, lanes, cards, emotions and metric values", async () => {
    const file = sampleMapFile();
    const { body } = await exportMap(file, "csv");
    const imported = await importMap(encode(String(body)), "csv", "Клуб.csv");
    expect(imported.map.title).toBe("Клуб");
    expect(imported.map.lang).toBe("ru");
    expect(imported.map.stages.map((stage) => stage.name)).toEqual(
      file.map.stages.map((stage) => stage.name),
    );
    expect(toLayoutRows(imported.map)).toEqual(toLayoutRows(file.map));
    const types = imported.map.lanes.map((lane) => lane.type);
    expect(types).toEqual([
      "actions",
      "thoughts",
      "touchpoints",
      "tech_barriers",
      "emotional_barriers",
      "opportunities",
      "emotion",
      "metrics",
      "text",
    ]);
  });

  it("reads a hand-made Excel CSV: semicolons, BOM, no type column", async () => {
    const text = [
      "\uFEFFЭтап;Осознание;Покупка;",
      "Действия клиента;Ищет кафе;Заказывает кофе\nПлатит;",
      "Эмоции;+1 интерес;-1 долго;",
      "Люди;1 000;120;",
      "Технические барьеры;;Нет оплаты картой;",
    ].join("\r\n");
    const { map } = await importMap(encode(text), "csv", "cafe.csv");
    expect(map.stages.map((stage) => stage.name)).toEqual(["Осознание", "Покупка"]);
    expect(map.lanes.map((lane) => lane.type)).toEqual(["actions", "emotion", "metrics", "tech_barriers"]);
    const [actions, emotion, metrics] = map.lanes;
    const purchase = map.stages[1]?.id ?? "";
    expect(actions?.type === "actions" && actions.cells[purchase]?.map((card) => card.text)).toEqual([
      "Заказывает кофе",
      "Платит",
    ]);
    expect(emotion?.type === "emotion" && emotion.series[0]?.points[purchase]).toEqual({
      score: -1,
      label: "долго",
    });
    expect(metrics?.type === "metrics" && metrics.rows[0]).toMatchObject({ kind: "people", name: "Люди" });
    expect(metrics?.type === "metrics" && Object.values(metrics.rows[0]?.values ?? {})).toEqual([1000, 120]);
  });

  it("names the row and column of a cell it cannot read", async () => {
    const text = "lane,type,Search,Buy\nFeelings,emotion,+1 curious,very bad\n";
    await expect(importMap(encode(text), "csv", "trip.csv")).rejects.toThrow(
      'trip.csv: row 2, column "Buy": emotion "very bad" must start with a score from -2 to +2',
    );
    const numbers = "lane,type,Search,Buy\nPeople,metrics:people,100,lots\n";
    await expect(importMap(encode(numbers), "csv", "trip.csv")).rejects.toThrow(
      'trip.csv: row 2, column "Buy": "lots" is not a number',
    );
    const type = "lane,type,Search\nStuff,gadgets,x\n";
    await expect(importMap(encode(type), "csv", "trip.csv")).rejects.toThrow(
      'trip.csv: row 2, column "lane": unknown lane type "gadgets"',
    );
  });

  it("says where a truncated file breaks off inside a quoted cell", async () => {
    const { body } = await exportMap(sampleMapFile(), "csv");
    const cut = String(body).slice(0, String(body).indexOf("Смотрит цены"));
    await expect(importMap(encode(cut), "csv", "cut.csv")).rejects.toThrow(
      "cut.csv: row 2: a quoted cell is never closed (is the file truncated?)",
    );
  });

  it("rejects a file without stages", async () => {
    await expect(importMap(encode("lane,type\nActions,actions\n"), "csv", "empty.csv")).rejects.toThrow(
      'empty.csv: row 1, column "lane": no stages found',
    );
  });
});
