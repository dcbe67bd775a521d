import type { StageSpec, TemplateSpec } from "./template.js";

/** Seed 003 (Prodamus.XL): the path of most online products, as in the subscription-club table. */
export const ONLINE_PRODUCT_STAGES: StageSpec[] = [
  {
    key: "ad",
    name: { ru: "Увидел рекламу", en: "Saw the ad" },
    description: { ru: "Видит рекламу и кликает.", en: "Sees the ad and clicks." },
  },
  {
    key: "landing",
    name: { ru: "Лендинг", en: "Landing" },
    description: { ru: "Читает, что он получит.", en: "Reads what they will get." },
  },
  {
    key: "registration",
    name: { ru: "Регистрация", en: "Registration" },
    description: { ru: "Оставляет контакты.", en: "Leaves contact details." },
  },
  {
    key: "payment",
    name: { ru: "Оплата", en: "Payment" },
    description: { ru: "Выбирает тариф и платит.", en: "Chooses a plan and pays." },
  },
  {
    key: "access",
    name: { ru: "Доступ", en: "Access" },
    description: {
      ru: "Получает материалы и начинает пользоваться.",
      en: "Gets the materials and starts using them.",
    },
  },
  {
    key: "renewal",
    name: { ru: "Продление", en: "Renewal" },
    description: {
      ru: "Получает напоминание и решает, продлевать ли или купить снова.",
      en: "Gets a reminder and decides whether to renew or buy again.",
    },
  },
];

export const onlineProductModel: TemplateSpec = {
  id: "model-online-product",
  kind: "model",
  name: { ru: "Онлайн-продукт", en: "Online product" },
  description: {
    ru: "Увидел рекламу → Лендинг → Регистрация → Оплата → Доступ → Продление. Посчитайте людей на каждом этапе: переход, где теряется больше всего, — ключевой барьер.",
    en: "Saw the ad → Landing → Registration → Payment → Access → Renewal. Count the people at every stage: the transition that loses the most is the key barrier.",
  },
  stages: ONLINE_PRODUCT_STAGES,
};
