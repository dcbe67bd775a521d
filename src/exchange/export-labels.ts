import type { Lang } from "../domain/journey-map.js";

/** Headings the exports write, in the map's language. */
const LABELS = {
  en: {
    lane: "lane",
    type: "type",
    personas: "Personas",
    map: "Map",
    transitions: "Transitions",
    transition: "Transition",
    reachedConverted: "Reached → Converted",
    conversion: "Conversion",
    lost: "Lost",
    target: "Target",
    keyBarrier: "Key barrier",
    successMetric: "success metric",
    evidence: "Evidence",
    hypothetical: "hypothetical",
    partly: "partly data",
    data: "data",
    noCounts: "No people counts yet: add them in the metrics lane to see conversion.",
    exported: "Exported from Tropa",
    severity: { low: "low", medium: "medium", high: "high", critical: "critical" },
    channels: {
      website: "Website",
      landing: "Landing page",
      social: "Social media",
      messenger: "Messenger",
      email: "Email",
      call_centre: "Call centre",
      chat_bot: "Chat bot",
      mobile_app: "Mobile app",
      offline: "Offline",
      ads: "Ads",
    },
  },
  ru: {
    lane: "дорожка",
    type: "тип",
    personas: "Персоны",
    map: "Карта",
    transitions: "Переходы",
    transition: "Переход",
    reachedConverted: "Дошли → Перешли",
    conversion: "Конверсия",
    lost: "Потеряно",
    target: "Цель",
    keyBarrier: "Ключевой барьер",
    successMetric: "метрика успеха",
    evidence: "Факты",
    hypothetical: "гипотеза",
    partly: "частично данные",
    data: "данные",
    noCounts: "Нет числа людей по этапам: добавьте его в дорожке метрик, чтобы увидеть конверсию.",
    exported: "Выгружено из Tropa",
    severity: { low: "низкая", medium: "средняя", high: "высокая", critical: "критичная" },
    channels: {
      website: "Сайт",
      landing: "Лендинг",
      social: "Соцсети",
      messenger: "Мессенджер",
      email: "Email",
      call_centre: "Колл-центр",
      chat_bot: "Чат-бот",
      mobile_app: "Приложение",
      offline: "Офлайн",
      ads: "Реклама",
    },
  },
} as const;

export type ExportLabels = (typeof LABELS)["en"] | (typeof LABELS)["ru"];

export function exportLabels(lang: Lang): ExportLabels {
  return LABELS[lang];
}
