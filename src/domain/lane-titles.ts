import type { LaneType, Lang } from "./journey-map.js";

const LANE_TITLES: Record<LaneType, Record<Lang, string>> = {
  actions: { ru: "Действия клиента", en: "Customer actions" },
  thoughts: { ru: "Вопросы и мысли", en: "Questions and thoughts" },
  text: { ru: "Заметки", en: "Notes" },
  backstage: { ru: "Процессы компании", en: "Backstage processes" },
  touchpoints: { ru: "Точки касания", en: "Touchpoints" },
  tech_barriers: { ru: "Технические барьеры", en: "Technical barriers" },
  emotional_barriers: { ru: "Эмоциональные барьеры", en: "Emotional barriers" },
  opportunities: { ru: "Возможности", en: "Opportunities" },
  emotion: { ru: "Эмоции", en: "Emotions" },
  metrics: { ru: "Метрики", en: "Metrics" },
};

/** The title a new lane gets, e.g. `defaultLaneTitle("tech_barriers", "ru")` → "Технические барьеры". */
export function defaultLaneTitle(type: LaneType, lang: Lang): string {
  return LANE_TITLES[type][lang];
}

/** The label of the first curve of a new emotion lane. */
export function defaultSeriesLabel(lang: Lang): string {
  return lang === "ru" ? "Как есть" : "As is";
}

/** The name of the people-count row of a new metrics lane. */
export function defaultPeopleRowName(lang: Lang): string {
  return lang === "ru" ? "Людей на этапе" : "People at the stage";
}
