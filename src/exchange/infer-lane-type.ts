import type { LaneType } from "../domain/journey-map.js";

/** Title keywords (ru/en, lower case) people use for each lane when they draw a map in Excel. */
const KEYWORDS: [LaneType, string[]][] = [
  ["tech_barriers", ["technical barrier", "tech barrier", "технические барьер", "технический барьер"]],
  ["emotional_barriers", ["emotional barrier", "эмоциональные барьер", "эмоциональный барьер"]],
  ["emotion", ["emotion", "feeling", "эмоци", "чувств", "настроение"]],
  ["touchpoints", ["touchpoint", "touch point", "channel", "точки касания", "точка касания", "канал"]],
  ["opportunities", ["opportunit", "idea", "improvement", "возможност", "иде", "улучшени"]],
  ["thoughts", ["thought", "question", "вопрос", "мысл"]],
  ["actions", ["action", "doing", "does", "steps", "действи", "делает", "шаги"]],
  [
    "metrics",
    ["metric", "people", "kpi", "nps", "csat", "conversion", "метрик", "люд", "человек", "конверси"],
  ],
  ["backstage", ["backstage", "process", "процесс", "закулис"]],
];

/**
 * Guesses a lane's type from its title, e.g. "Точки касания" → touchpoints; unknown titles are free text.
 * Emotional barriers are checked before emotion so "Эмоциональные барьеры" is not read as the curve.
 */
export function inferLaneType(title: string): LaneType {
  const lower = title.trim().toLowerCase();
  for (const [type, words] of KEYWORDS) {
    if (words.some((word) => startsWord(lower, word))) return type;
  }
  return "text";
}

/** Matches only at a word start, so "видео" does not count as "идея". */
function startsWord(text: string, word: string): boolean {
  let at = text.indexOf(word);
  while (at !== -1) {
    if (at === 0 || !/\p{L}/u.test(text[at - 1] ?? "")) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}
