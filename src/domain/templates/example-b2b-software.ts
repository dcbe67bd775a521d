import { needToLoyaltyModel } from "./model-need-to-loyalty.js";
import { card, type TemplateSpec } from "./template.js";

/**
 * Seed 000 (InterForum, "Customer journey map: как понять аудиторию и зарабатывать больше"): a company
 * buying corporate software. Actions, barriers and patterns come from the article; it has no numbers,
 * so the counts (1 000 visitors → 20 buyers, as in seed 002) are illustrative assumptions.
 */
export const b2bSoftwareExample: TemplateSpec = {
  id: "example-b2b-software",
  kind: "example",
  name: { ru: "Пример: покупка корпоративного софта", en: "Example: buying corporate software" },
  description: {
    ru: "Компания выросла из Excel и выбирает корпоративную систему. Любая мелочь может оттолкнуть: сложный интерфейс, отсутствие поддержки, непонятные условия. Цифры условные.",
    en: "A company has outgrown Excel and chooses a corporate system. Any detail can push it away: a complex interface, no support, unclear terms. The numbers are illustrative.",
  },
  segment: {
    ru: "Малый и средний бизнес, первая покупка",
    en: "Small and medium businesses, first purchase",
  },
  stages: needToLoyaltyModel.stages,
  cards: {
    actions: {
      need: [card("Понимает, что Excel уже не спасает", "Realises Excel no longer copes")],
      search: [
        card("Читает обзоры, смотрит рейтинги", "Reads reviews, checks ratings"),
        card("Спрашивает коллег", "Asks colleagues"),
      ],
      alternatives: [
        card("Заходит на сайты, тестирует демоверсии", "Visits websites, tries the demos"),
        card("Общается с менеджерами, считает затраты", "Talks to sales managers, works out the costs"),
      ],
      purchase: [card("Оформляет заказ", "Places the order")],
      use: [card("Работает с продуктом, обращается в поддержку", "Works with the product, contacts support")],
      loyalty: [
        card("Продлевает лицензию или уходит к конкуренту", "Renews the licence or leaves for a competitor"),
      ],
    },
    thoughts: {
      need: [card("«Нам нужна система, а не таблица»", "“We need a system, not a spreadsheet”")],
      search: [card("«Что выбирают компании как наша?»", "“What do companies like ours choose?”")],
      alternatives: [card("«Сколько это будет стоить на самом деле?»", "“What will it really cost?”")],
      purchase: [card("«Не ошибаемся ли мы?»", "“Are we making a mistake?”")],
      use: [card("«Оправдывает ли он ожидания?»", "“Does it live up to expectations?”")],
      loyalty: [card("«Стоит ли оставаться?»", "“Is it worth staying?”")],
    },
    touchpoints: {
      search: [
        card("Обзоры и рейтинги", "Reviews and ratings", { customChannel: { ru: "Обзоры", en: "Reviews" } }),
      ],
      alternatives: [
        card("Сайт и демоверсия", "Website and demo", { channel: "website" }),
        card("Менеджер по продажам", "Sales manager", { channel: "call_centre" }),
      ],
      purchase: [card("Договор и счёт по почте", "Contract and invoice by email", { channel: "email" })],
      use: [card("Поддержка и документация", "Support and documentation", { channel: "chat_bot" })],
    },
    tech_barriers: {
      alternatives: [
        card("Сложный интерфейс демоверсии", "A complex interface in the demo", { severity: "high" }),
        card("Долгое ожидание ответа менеджера", "A long wait for the manager's answer", {
          severity: "high",
        }),
      ],
      purchase: [
        card("Сложная регистрация и оформление", "Complicated sign-up and ordering", { severity: "medium" }),
      ],
      use: [card("Нет поддержки, слабый онбординг", "No support, weak onboarding", { severity: "high" })],
    },
    emotional_barriers: {
      search: [card("Недостаток информации", "Not enough information", { severity: "medium" })],
      alternatives: [card("Непрозрачное ценообразование", "Opaque pricing", { severity: "high" })],
      purchase: [card("Сомнения и непонятные условия", "Doubts and unclear terms", { severity: "high" })],
      use: [
        card("Разочарование: продукт не оправдал ожиданий", "Disappointment: the product fell short", {
          severity: "high",
        }),
      ],
    },
    opportunities: {
      alternatives: [
        card(
          "Упростить демоверсию: бросают демо — значит, функционал сложный или перегруженный",
          "Simplify the demo: people dropping out of it means the features are complex or overloaded",
          {
            successMetric: {
              metric: {
                ru: "Конверсия Выбор альтернатив → Покупка",
                en: "Conversion Choosing alternatives → Purchase",
              },
              baseline: 13.3,
              target: 20,
              unit: "%",
            },
          },
        ),
      ],
      use: [
        card(
          "Доработать онбординг и документацию по частым одинаковым вопросам в поддержку",
          "Improve onboarding and documentation for the frequent repeated support questions",
          {
            successMetric: {
              metric: { ru: "Обращений в поддержку на клиента", en: "Support requests per customer" },
              baseline: 4,
              target: 2,
              unit: "",
            },
          },
        ),
      ],
    },
  },
  emotion: {
    need: { score: -1, label: { ru: "Раздражение", en: "Frustration" } },
    search: { score: 0, label: { ru: "Интерес", en: "Interest" } },
    alternatives: { score: -0.5, label: { ru: "Сомнения", en: "Doubts" } },
    purchase: { score: 0.5, label: { ru: "Надежда", en: "Hope" } },
    use: { score: -0.5, label: { ru: "Сложно", en: "Struggling" } },
    loyalty: { score: 1, label: { ru: "Удовлетворение", en: "Satisfaction" } },
  },
  metrics: [
    {
      kind: "people",
      name: { ru: "Компаний на этапе", en: "Companies at the stage" },
      values: { search: 1000, alternatives: 150, purchase: 20, use: 18, loyalty: 15 },
    },
  ],
  personas: [
    {
      name: { ru: "Игорь, операционный директор", en: "Igor, operations director" },
      avatar: "👔",
      color: "#6366f1",
      age: 41,
      occupation: {
        ru: "Операционный директор в растущей компании",
        en: "Operations director at a growing company",
      },
      context: {
        ru: "Бизнес вырос, учёт в Excel тормозит работу; решение принимает вместе с финансами и ИТ.",
        en: "The business has grown and Excel slows work down; decides together with finance and IT.",
      },
      motivation: {
        ru: "Навести порядок в процессах без долгого внедрения.",
        en: "Bring order to processes without a long rollout.",
      },
      pains: {
        ru: "Непрозрачные цены, долгие ответы менеджеров, сложный интерфейс.",
        en: "Opaque prices, slow answers from sales, complex interfaces.",
      },
      channels: ["website", "email", "call_centre"],
      quote: { ru: "«Excel уже не спасает»", en: "“Excel no longer copes”" },
      segment: { ru: "Компании 50–250 сотрудников", en: "Companies with 50–250 employees" },
    },
  ],
};
