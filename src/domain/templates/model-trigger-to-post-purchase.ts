import type { StageSpec, TemplateSpec } from "./template.js";

/** Seed 002 (UniTalk): the key elements of a customer journey. */
export const TRIGGER_TO_POST_PURCHASE_STAGES: StageSpec[] = [
  {
    key: "trigger",
    name: { ru: "Триггер", en: "Trigger" },
    description: {
      ru: "Событие, которое запускает интерес: реклама, рекомендация, конкретная потребность.",
      en: "An event that sparks interest: an ad, a recommendation, a specific need.",
    },
  },
  {
    key: "research",
    name: { ru: "Исследование", en: "Research" },
    description: {
      ru: "Поиск информации, чтение отзывов, сравнение решений.",
      en: "Searching for information, reading reviews, comparing solutions.",
    },
  },
  {
    key: "evaluation",
    name: { ru: "Оценка", en: "Evaluation" },
    description: {
      ru: "Сопоставление вариантов, условий, доставки, возврата, доверия к бренду.",
      en: "Weighing options, terms, delivery, returns and trust in the brand.",
    },
  },
  {
    key: "purchase",
    name: { ru: "Покупка", en: "Purchase" },
    description: {
      ru: "Оформление заказа, оплата, получение продукта.",
      en: "Placing the order, paying, receiving the product.",
    },
  },
  {
    key: "post-purchase",
    name: { ru: "После покупки", en: "Post-purchase" },
    description: {
      ru: "Поддержка, повторные обращения, возвраты, рекомендации.",
      en: "Support, repeat contacts, returns, recommendations.",
    },
  },
];

export const triggerToPostPurchaseModel: TemplateSpec = {
  id: "model-trigger-to-post-purchase",
  kind: "model",
  name: { ru: "Триггер → После покупки", en: "Trigger → Post-purchase" },
  description: {
    ru: "Стандартная модель для большинства бизнесов; путь не линеен: клиент может неделями кружиться между исследованием и оценкой.",
    en: "The standard model for most businesses; the path is not linear: customers may loop between research and evaluation for weeks.",
  },
  stages: TRIGGER_TO_POST_PURCHASE_STAGES,
};
