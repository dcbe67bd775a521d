import type { StageSpec, TemplateSpec } from "./template.js";

/** Seed 004 (ANNonce): the café example's six stages. */
export const AIDCRL_STAGES: StageSpec[] = [
  {
    key: "awareness",
    name: { ru: "Осведомленность", en: "Awareness" },
    description: {
      ru: "Клиент впервые узнаёт о компании: реклама в соцсетях, сарафанное радио, статьи в блогах и обзоры на YouTube.",
      en: "The customer first hears about the business: social media ads, word of mouth, blog articles and YouTube reviews.",
    },
  },
  {
    key: "interest",
    name: { ru: "Интерес", en: "Interest" },
    description: {
      ru: "Интерес поддерживает информация: меню с красивыми фотографиями, отзывы других клиентов, скидки и акции.",
      en: "Information keeps the interest up: a menu with appealing photos, other customers' reviews, discounts and offers.",
    },
  },
  {
    key: "consideration",
    name: { ru: "Рассмотрение", en: "Consideration" },
    description: {
      ru: "Клиент решает, стоит ли идти; подталкивают спецпредложения, отзывы и рейтинг, информация о продукте.",
      en: "The customer decides whether to go; special offers, reviews and ratings, product information tip the choice.",
    },
  },
  {
    key: "purchase",
    name: { ru: "Покупка", en: "Purchase" },
    description: {
      ru: "Процесс должен быть приятным: доброжелательные сотрудники, атмосфера, быстрая выдача заказа, удобная оплата.",
      en: "The process must be pleasant: friendly staff, atmosphere, fast service, convenient payment.",
    },
  },
  {
    key: "retention",
    name: { ru: "Удержание", en: "Retention" },
    description: {
      ru: "После покупки важно сохранить клиента: программа лояльности, персональные предложения, регулярные акции.",
      en: "After the purchase, keep the customer: a loyalty programme, personal offers, regular campaigns.",
    },
  },
  {
    key: "loyalty",
    name: { ru: "Лояльность", en: "Loyalty" },
    description: {
      ru: "Клиент стал постоянным: поддержка отношений, эксклюзивные услуги, обратная связь.",
      en: "The customer has become a regular: relationship care, exclusive services, feedback.",
    },
  },
];

export const aidcrlModel: TemplateSpec = {
  id: "model-aidcrl",
  kind: "model",
  name: { ru: "Осведомленность → Лояльность", en: "Awareness → Loyalty" },
  description: {
    ru: "Шесть этапов от знакомства до преданной лояльности: модель из примера с кафе, подходит офлайн-бизнесу и рознице.",
    en: "Six stages from first contact to devoted loyalty: the café example's model, suits offline businesses and retail.",
  },
  stages: AIDCRL_STAGES,
};
