import type { JourneyMap } from "../domain/journey-map.js";
import type { Persona } from "../domain/persona.js";
import { type MapFile, toMapFile } from "./map-file.js";

/**
 * A Russian map that uses every field the schema has (severities, channels, success metrics,
 * two emotion curves, people counts with targets) plus text that must be escaped in every format.
 */
export function sampleMapFile(): MapFile {
  const persona: Persona = {
    schemaVersion: 1,
    id: "p-anna",
    name: "Анна, 34",
    avatar: "👩",
    color: "#0ea5e9",
    age: 34,
    occupation: "Маркетолог",
    context: "Ищет онлайн-клуб по подписке",
    motivation: "Развиваться без отрыва от работы",
    pains: "Нет времени, боится потерять деньги",
    channels: ["social", "email"],
    quote: "«Сначала хочу попробовать»",
    segment: "Новые посетители из рекламы",
    segmentRule: [{ property: "utm_source", op: "equals", value: "vk" }],
  };
  const stages = ["Увидела рекламу", "Лендинг", "Регистрация", "Оплата", "Доступ", "Продление"];
  const stageIds = ["s1", "s2", "s3", "s4", "s5", "s6"];
  const map: JourneyMap = {
    schemaVersion: 1,
    id: "map-club",
    title: "Клуб по подписке: путь нового участника",
    description: "Карта на данных Метрики и CRM, март <b>2026</b>",
    lang: "ru",
    personaIds: [persona.id],
    segment: "Реклама ВКонтакте",
    state: "as-is",
    templateId: null,
    stages: stages.map((name, i) => ({
      id: stageIds[i] ?? `s${i}`,
      name,
      description: i === 0 ? "Баннер в ленте" : "",
      substeps: i === 2 ? ["Форма", "Подтверждение email"] : [],
      matchers: i === 3 ? [{ event: "payment", where: [{ property: "amount", op: "gte", value: 1 }] }] : [],
    })),
    lanes: [
      {
        id: "l-actions",
        type: "actions",
        title: "Действия",
        cells: {
          s1: [{ id: "c1", text: "Кликает на баннер", source: "analytics", evidenceNote: "Метрика: CTR 2%" }],
          s2: [
            { id: "c2", text: "Читает описание", source: "assumption", evidenceNote: "" },
            { id: "c3", text: "Смотрит цены: 990 ₽/мес", source: "analytics", evidenceNote: "" },
          ],
          s3: [{ id: "c4", text: "Заполняет форму", source: "assumption", evidenceNote: "" }],
          s4: [{ id: "c5", text: "Платит картой", source: "crm", evidenceNote: "" }],
        },
      },
      {
        id: "l-thoughts",
        type: "thoughts",
        title: "Вопросы и мысли",
        cells: {
          s2: [{ id: "c6", text: "А это не развод?", source: "interview", evidenceNote: "5 из 8 интервью" }],
        },
      },
      {
        id: "l-touch",
        type: "touchpoints",
        title: "Точки касания",
        cells: {
          s1: [{ id: "c7", text: "Лента ВК", source: "assumption", evidenceNote: "", channel: "social" }],
          s3: [
            {
              id: "c8",
              text: "Письмо с подтверждением",
              source: "assumption",
              evidenceNote: "",
              channel: "email",
            },
            {
              id: "c9",
              text: "Бот поддержки",
              source: "assumption",
              evidenceNote: "",
              customChannel: "Telegram-бот",
            },
          ],
        },
      },
      {
        id: "l-tech",
        type: "tech_barriers",
        title: "Технические барьеры",
        cells: {
          s3: [
            {
              id: "c10",
              text: "Письмо попадает в спам",
              source: "call",
              evidenceNote: "12 звонков",
              severity: "high",
            },
          ],
          s4: [
            {
              id: "c11",
              text: "Нет оплаты по СБП",
              source: "review",
              evidenceNote: "",
              severity: "critical",
            },
          ],
        },
      },
      {
        id: "l-emo-bar",
        type: "emotional_barriers",
        title: "Эмоциональные барьеры",
        cells: {
          s4: [{ id: "c12", text: "Страх списаний", source: "survey", evidenceNote: "", severity: "medium" }],
        },
      },
      {
        id: "l-opps",
        type: "opportunities",
        title: "Возможности",
        cells: {
          s3: [
            {
              id: "c13",
              text: "Вход по ссылке без пароля",
              source: "assumption",
              evidenceNote: "",
              successMetric: { metric: "Конверсия в регистрацию", baseline: 25, target: 40, unit: "%" },
            },
          ],
        },
      },
      {
        id: "l-emotion",
        type: "emotion",
        title: "Эмоции",
        series: [
          {
            id: "e-asis",
            label: "Анна сейчас",
            personaId: persona.id,
            state: "as-is",
            points: {
              s1: { score: 1, label: "Интерес" },
              s2: { score: 0, label: "Сомнения" },
              s3: { score: -1, label: "Раздражение" },
              s4: { score: -2, label: "Страх" },
              s5: { score: 2, label: "Радость" },
            },
          },
          {
            id: "e-tobe",
            label: "Цель",
            personaId: null,
            state: "to-be",
            points: { s3: { score: 1, label: "" }, s4: { score: 0.5, label: "Спокойно" } },
          },
        ],
      },
      {
        id: "l-metrics",
        type: "metrics",
        title: "Метрики",
        rows: [
          {
            id: "m-people",
            kind: "people",
            name: "Люди",
            unit: "чел.",
            values: { s1: 10000, s2: 200, s3: 50, s4: 10, s5: 10, s6: 7 },
            targets: { s2: 3, s3: 30, s4: 30 },
            source: "analytics",
            fromData: {
              computedAt: "2026-03-31T12:00:00.000Z",
              from: 1772323200000,
              to: null,
              sources: ["metrica.tsv"],
            },
          },
          {
            id: "m-nps",
            kind: "nps",
            name: "NPS",
            unit: "",
            values: { s5: 42, s6: null },
            fromData: null,
            targets: {},
            source: "survey",
          },
        ],
      },
      {
        id: "l-text",
        type: "text",
        title: "Заметки | <i>спецсимволы</i>",
        cells: {
          s1: [
            {
              id: "c14",
              text: "Цена: 990 | скидка <50%> & «кавычки»",
              source: "assumption",
              evidenceNote: "",
            },
          ],
        },
      },
    ],
    funnelSettings: { windowMs: 7 * 24 * 60 * 60 * 1000, order: "sequential", unit: "person" },
    lastReviewedAt: "2026-03-01T10:00:00.000Z",
  };
  return toMapFile(map, [persona], new Date("2026-04-01T12:00:00.000Z"));
}
