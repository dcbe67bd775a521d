import type { TemplateSpec } from "./template.js";

/** Seed 000 (InterForum): the stages of choosing a product such as corporate software. */
export const needToLoyaltyModel: TemplateSpec = {
  id: "model-need-to-loyalty",
  kind: "model",
  name: { ru: "Потребность → Лояльность", en: "Need → Loyalty" },
  description: {
    ru: "Шесть этапов от осознания потребности до лояльности или ухода: подходит продуктам с долгим выбором, например корпоративному софту.",
    en: "Six stages from realising a need to loyalty or churn: suits products with a long choice, such as corporate software.",
  },
  stages: [
    {
      key: "need",
      name: { ru: "Потребность", en: "Need" },
      description: {
        ru: "Клиент понимает, что ему что-то нужно. Например, бизнес вырос, и Excel уже не спасает.",
        en: "The customer realises they need something. For example, the business has grown and Excel no longer copes.",
      },
    },
    {
      key: "search",
      name: { ru: "Поиск информации", en: "Information search" },
      description: {
        ru: "Ищет решения: читает отзывы, спрашивает коллег, сравнивает предложения.",
        en: "Looks for solutions: reads reviews, asks colleagues, compares offers.",
      },
    },
    {
      key: "alternatives",
      name: { ru: "Выбор альтернатив", en: "Choosing alternatives" },
      description: {
        ru: "Сужает круг кандидатов, считает затраты.",
        en: "Narrows down the candidates, works out the costs.",
      },
    },
    {
      key: "purchase",
      name: { ru: "Покупка", en: "Purchase" },
      description: {
        ru: "Оформляет заказ, но сомнения ещё могут его остановить.",
        en: "Places the order, but doubts can still stop them.",
      },
    },
    {
      key: "use",
      name: { ru: "Использование", en: "Use" },
      description: {
        ru: "Получает опыт работы с продуктом, который либо оправдывает ожидания, либо вызывает разочарование.",
        en: "Gains experience with the product, which either meets expectations or disappoints.",
      },
    },
    {
      key: "loyalty",
      name: { ru: "Лояльность или уход", en: "Loyalty or churn" },
      description: {
        ru: "Разовая покупка превращается в долгосрочное сотрудничество — или клиент уходит.",
        en: "A one-off purchase turns into a long-term relationship, or the customer leaves.",
      },
    },
  ],
};
