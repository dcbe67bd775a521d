import { TRIGGER_TO_POST_PURCHASE_STAGES } from "./model-trigger-to-post-purchase.js";
import type { StageSpec, TemplateSpec } from "./template.js";

function stage(key: string): StageSpec {
  const found = TRIGGER_TO_POST_PURCHASE_STAGES.find((s) => s.key === key);
  if (!found) throw new Error(`model-b2b: no stage "${key}" in the base model`);
  return found;
}

/** Seed 002: for complex products (B2B, equipment, services) the base model gains three steps. */
export const b2bModel: TemplateSpec = {
  id: "model-b2b",
  kind: "model",
  name: { ru: "Сложный B2B-продукт", en: "Complex B2B product" },
  description: {
    ru: "Триггер → После покупки с дополнительными шагами для сложных продуктов: консультация, тест-драйв, согласование условий.",
    en: "Trigger → Post-purchase with the extra steps of complex products: consultation, test drive, negotiation.",
  },
  stages: [
    stage("trigger"),
    stage("research"),
    {
      key: "consultation",
      name: { ru: "Консультация", en: "Consultation" },
      description: {
        ru: "Общается с менеджерами, задаёт вопросы; долгое ожидание ответа — частый барьер.",
        en: "Talks to sales managers and asks questions; a long wait for an answer is a common barrier.",
      },
    },
    {
      key: "test-drive",
      name: { ru: "Тест-драйв", en: "Test drive" },
      description: {
        ru: "Тестирует демоверсию; если пользователи бросают демо, это сигнал о сложном или перегруженном функционале.",
        en: "Tries the demo; if users drop out of it, the features are too complex or overloaded.",
      },
    },
    stage("evaluation"),
    {
      key: "negotiation",
      name: { ru: "Согласование условий", en: "Negotiation" },
      description: {
        ru: "Согласует цену, условия и договор; непонятные условия и непрозрачное ценообразование отталкивают.",
        en: "Agrees on price, terms and contract; unclear terms and opaque pricing push the customer away.",
      },
    },
    stage("purchase"),
    stage("post-purchase"),
  ],
};
