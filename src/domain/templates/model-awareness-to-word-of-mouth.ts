import type { TemplateSpec } from "./template.js";

/** Seed 001: the funnel of an online course, from a cold customer to word of mouth. */
export const awarenessToWordOfMouthModel: TemplateSpec = {
  id: "model-awareness-to-word-of-mouth",
  kind: "model",
  name: { ru: "Осознание нужды → Сарафанное радио", en: "Awareness of need → Word of mouth" },
  description: {
    ru: "Воронка онлайн-продукта от холодного клиента через прогрев и продажу к допродаже и рекомендациям.",
    en: "An online product's funnel from a cold customer through warm-up and sale to upsell and recommendations.",
  },
  stages: [
    {
      key: "awareness",
      name: { ru: "Осознание нужды", en: "Awareness of need" },
      description: {
        ru: "Есть осознание проблемы, но нет понимания путей её решения: холодный клиент. Помогаем осознать проблему статьями, видео, экспертными сторис.",
        en: "The problem is felt but the ways to solve it are unknown: a cold customer. Help them see the problem with articles, videos, expert stories.",
      },
    },
    {
      key: "search",
      name: { ru: "Поиск/изучение", en: "Search / study" },
      description: {
        ru: "Ищет способы решить проблему. Задача — зацепить внимание и удержать его: реклама, сарафанное радио.",
        en: "Looks for ways to solve the problem. The task is to catch and hold attention: advertising, word of mouth.",
      },
    },
    {
      key: "warmup",
      name: { ru: "Прогрев", en: "Warm-up" },
      description: {
        ru: "Клиент попадает в воронку: оставил контакты и получает рассылку с полезными материалами.",
        en: "The customer enters the funnel: has left contact details and receives a newsletter with useful materials.",
      },
    },
    {
      key: "sale",
      name: { ru: "Продажа", en: "Sale" },
      description: {
        ru: "Клиент готов купить. Сделать это легко и удобно: надёжная форма оплаты, быстрая выдача доступа, чат поддержки.",
        en: "The customer is ready to buy. Make it easy: a reliable payment form, quick access, a support chat.",
      },
    },
    {
      key: "upsell",
      name: { ru: "Допродажа", en: "Upsell" },
      description: {
        ru: "Клиент доволен и покупает дополнительные продукты.",
        en: "The customer is satisfied and buys additional products.",
      },
    },
    {
      key: "word-of-mouth",
      name: { ru: "Сарафанное радио", en: "Word of mouth" },
      description: {
        ru: "Довольный клиент рассказывает о продукте друзьям — и воронка запускается снова.",
        en: "A satisfied customer tells friends about the product, and the funnel starts again.",
      },
    },
  ],
};
