import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../errors.js";
import { computeTransitions } from "../funnel.js";
import {
  type CardLane,
  type CardLaneType,
  isCardLane,
  type JourneyMap,
  LANGS,
  type MetricsLane,
} from "../journey-map.js";
import { parseMap, parsePersona } from "../migrations.js";
import { createMapFromTemplate, listTemplates } from "./index.js";

/** Card texts of one lane type, stage by stage. */
function laneTexts(map: JourneyMap, type: CardLaneType): string[][] {
  const lane = map.lanes.find((l) => l.type === type) as CardLane;
  return map.stages.map((stage) => (lane.cells[stage.id] ?? []).map((card) => card.text));
}

function allIds(map: JourneyMap): string[] {
  return [
    map.id,
    ...map.stages.map((s) => s.id),
    ...map.lanes.flatMap((lane) => [
      lane.id,
      ...(isCardLane(lane) ? Object.values(lane.cells).flatMap((cards) => cards.map((c) => c.id)) : []),
      ...(lane.type === "emotion" ? lane.series.map((s) => s.id) : []),
      ...(lane.type === "metrics" ? lane.rows.map((r) => r.id) : []),
    ]),
  ];
}

describe("listTemplates", () => {
  it("lists the six stage models and the examples with unique ids", () => {
    const templates = listTemplates();
    expect(templates.filter((t) => t.kind === "model").map((t) => t.id)).toEqual([
      "model-need-to-loyalty",
      "model-awareness-to-word-of-mouth",
      "model-trigger-to-post-purchase",
      "model-b2b",
      "model-online-product",
      "model-aidcrl",
    ]);
    expect(templates.filter((t) => t.kind === "example").map((t) => t.id)).toEqual([
      "example-subscription-club",
      "example-cafe",
      "example-b2b-software",
      "example-loan-application",
    ]);
    for (const t of templates) {
      expect(t.name.ru && t.name.en && t.description.ru && t.description.en).toBeTruthy();
    }
  });
});

describe("createMapFromTemplate", () => {
  const cases = listTemplates().flatMap((t) => LANGS.map((lang) => [t.id, lang, t.stageCount] as const));

  it.each(cases)("builds %s in %s as a valid map", (templateId, lang, stageCount) => {
    const { map, personas } = createMapFromTemplate(templateId, lang);
    expect(parseMap(JSON.parse(JSON.stringify(map)))).toEqual(map);
    for (const persona of personas)
      expect(parsePersona(JSON.parse(JSON.stringify(persona)))).toEqual(persona);
    expect(map).toMatchObject({ templateId, lang, personaIds: personas.map((p) => p.id) });
    expect(map.stages).toHaveLength(stageCount);
    expect(map.lanes.map((l) => l.type)).toEqual([
      "actions",
      "thoughts",
      "touchpoints",
      "emotion",
      "tech_barriers",
      "emotional_barriers",
      "opportunities",
      "metrics",
    ]);
    expect((map.lanes.find((l) => l.type === "metrics") as MetricsLane).rows[0]?.kind).toBe("people");
  });

  it("gives fresh ids on every call", () => {
    const first = createMapFromTemplate("example-subscription-club", "ru");
    const second = createMapFromTemplate("example-subscription-club", "ru");
    const firstIds = new Set([...allIds(first.map), ...first.personas.map((p) => p.id)]);
    const secondIds = [...allIds(second.map), ...second.personas.map((p) => p.id)];
    expect(firstIds.size).toBe(secondIds.length);
    expect(secondIds.filter((id) => firstIds.has(id))).toEqual([]);
  });

  it("rejects an unknown template and an unknown language", () => {
    expect(() => createMapFromTemplate("model-nope", "en")).toThrow(NotFoundError);
    expect(() => createMapFromTemplate("model-b2b", "de" as never)).toThrow(ValidationError);
  });

  it("names the stage models as the sources do", () => {
    const names = (id: string) => createMapFromTemplate(id, "ru").map.stages.map((s) => s.name);
    expect(names("model-need-to-loyalty")).toEqual([
      "Потребность",
      "Поиск информации",
      "Выбор альтернатив",
      "Покупка",
      "Использование",
      "Лояльность или уход",
    ]);
    expect(names("model-awareness-to-word-of-mouth")).toEqual([
      "Осознание нужды",
      "Поиск/изучение",
      "Прогрев",
      "Продажа",
      "Допродажа",
      "Сарафанное радио",
    ]);
    expect(names("model-trigger-to-post-purchase")).toEqual([
      "Триггер",
      "Исследование",
      "Оценка",
      "Покупка",
      "После покупки",
    ]);
    expect(names("model-b2b")).toEqual(
      expect.arrayContaining([
        "Триггер",
        "Консультация",
        "Тест-драйв",
        "Согласование условий",
        "После покупки",
      ]),
    );
    expect(names("model-online-product")).toEqual([
      "Увидел рекламу",
      "Лендинг",
      "Регистрация",
      "Оплата",
      "Доступ",
      "Продление",
    ]);
    expect(names("model-aidcrl")).toEqual([
      "Осведомленность",
      "Интерес",
      "Рассмотрение",
      "Покупка",
      "Удержание",
      "Лояльность",
    ]);
    expect(createMapFromTemplate("model-aidcrl", "en").map.stages.map((s) => s.name)).toEqual([
      "Awareness",
      "Interest",
      "Consideration",
      "Purchase",
      "Retention",
      "Loyalty",
    ]);
  });
});

describe("example-subscription-club", () => {
  const { map, personas } = createMapFromTemplate("example-subscription-club", "ru");

  it("has the source's table, one card per item", () => {
    expect(laneTexts(map, "actions")).toEqual([
      ["Кликает"],
      ["Читает"],
      ["Оставляет контакты"],
      ["Выбирает тариф"],
      ["Получает материалы"],
      ["Получает напоминание"],
    ]);
    expect(laneTexts(map, "thoughts")).toEqual([
      ["«Это точно для меня?»"],
      ["«Что я получу?»"],
      ["«А что дальше?»"],
      ["«Окупится ли это?»"],
      ["«С чего начать?»"],
      ["«Стоит продлевать?»"],
    ]);
    expect(laneTexts(map, "tech_barriers")).toEqual([
      ["Ссылка битая / ведёт не туда"],
      ["Долгая загрузка", "Перегруженная страница"],
      ["Сложная форма", "Письмо ушло в спам", "Непонятно, что делать дальше"],
      ["Нет нужного способа, сложная форма"],
      ["Нет инструкции, сложно найти вход"],
      ["Сложный процесс продления", "Нет кнопки быстрого платежа"],
    ]);
    expect(laneTexts(map, "emotional_barriers")).toEqual([
      ["Несоответствие ожиданий"],
      ["Неясная ценность", "Нет доверия (нет кейсов/цифр/соцдоказательств)"],
      ["Страх “слишком много данных”"],
      ["Страх ошибиться / потерять деньги"],
      ["Перегруз, неуверенность в правильности выбора"],
      ["Не увидел ценности"],
    ]);
  });

  it("gives every barrier a severity and every opportunity a success metric", () => {
    const cards = (type: CardLaneType) =>
      Object.values((map.lanes.find((l) => l.type === type) as CardLane).cells).flat();
    expect(cards("tech_barriers").every((c) => c.severity)).toBe(true);
    expect(cards("emotional_barriers").every((c) => c.severity)).toBe(true);
    expect(cards("opportunities").every((c) => c.successMetric?.metric)).toBe(true);
    expect(
      cards("opportunities").find((c) => c.text.startsWith("Лендинг не объясняет ценность"))?.successMetric,
    ).toEqual({
      metric: "Конверсия Лендинг → Регистрация",
      baseline: 25,
      target: 35,
      unit: "%",
    });
    expect(
      map.lanes
        .filter(isCardLane)
        .flatMap((l) => Object.values(l.cells).flat())
        .every((c) => c.source === "assumption"),
    ).toBe(true);
  });

  it("counts 10 000 → 200 → 50 → 10 → (Access: none) → 7 from analytics", () => {
    const row = (map.lanes.find((l) => l.type === "metrics") as MetricsLane).rows[0];
    expect(row?.source).toBe("analytics");
    expect(map.stages.map((s) => row?.values[s.id] ?? null)).toEqual([10000, 200, 50, 10, null, 7]);
    const funnel = computeTransitions(map);
    expect(funnel.transitions.map((t) => t.conversion)).toEqual([2, 25, 20, 70]);
    expect(funnel.transitions[3]).toMatchObject({ fromName: "Оплата", toName: "Продление" });
    expect(funnel.keyBarrier).toMatchObject({ fromName: "Увидел рекламу", toName: "Лендинг" });
    expect(funnel.belowTarget).toMatchObject({ fromName: "Лендинг", toName: "Регистрация", gapToTarget: 10 });
  });

  it("has a persona and an emotion curve over all stages", () => {
    expect(personas).toHaveLength(1);
    expect(personas[0]?.pains).not.toBe("");
    expect(personas[0]?.channels).toContain("messenger");
    const emotion = map.lanes.find((l) => l.type === "emotion");
    expect(emotion?.type === "emotion" && Object.keys(emotion.series[0]?.points ?? {})).toHaveLength(6);
  });

  it("is translated in English", () => {
    const en = createMapFromTemplate("example-subscription-club", "en").map;
    expect(laneTexts(en, "tech_barriers")[1]).toEqual(["Slow loading", "An overloaded page"]);
    expect(en.stages[0]?.name).toBe("Saw the ad");
  });
});

describe("example-cafe", () => {
  const { map, personas } = createMapFromTemplate("example-cafe", "en");

  it("lists the source's touchpoints with channels", () => {
    const lane = map.lanes.find((l) => l.type === "touchpoints") as CardLane;
    const cards = Object.values(lane.cells).flat();
    expect(new Set(cards.map((c) => c.channel).filter(Boolean))).toEqual(
      new Set(["social", "website", "offline", "email"]),
    );
    expect(cards.map((c) => c.customChannel).filter(Boolean)).toEqual(["Word of mouth", "Blogs and YouTube"]);
    expect(laneTexts(map, "touchpoints")[0]?.[0]).toBe("Social media ads (a VK post)");
  });

  it("has people counts, a CSAT row, a persona and opportunities with metrics", () => {
    const rows = (map.lanes.find((l) => l.type === "metrics") as MetricsLane).rows;
    expect(rows.map((r) => r.kind)).toEqual(["people", "csat"]);
    const funnel = computeTransitions(map);
    expect(funnel.transitions).toHaveLength(5);
    expect(funnel.keyBarrier).toMatchObject({ fromName: "Awareness", toName: "Interest", conversion: 24 });
    expect(personas[0]?.name).toContain("Alina");
    const opportunities = Object.values(
      (map.lanes.find((l) => l.type === "opportunities") as CardLane).cells,
    ).flat();
    expect(opportunities.length).toBeGreaterThan(0);
    expect(opportunities.every((c) => c.successMetric)).toBe(true);
  });
});

describe("example-b2b-software", () => {
  it("skips the uncounted Need stage and finds the demo as the key barrier", () => {
    const { map } = createMapFromTemplate("example-b2b-software", "ru");
    const funnel = computeTransitions(map);
    expect(funnel.transitions[0]).toMatchObject({
      fromName: "Поиск информации",
      reached: 1000,
      converted: 150,
    });
    expect(funnel.keyBarrier).toMatchObject({ fromName: "Выбор альтернатив", toName: "Покупка" });
  });
});
