import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.js";
import { ru } from "./ru.js";

export const UI_LANGS = ["en", "ru"] as const;
export type UiLang = (typeof UI_LANGS)[number];

const STORAGE_KEY = "tropa.lang";

/** The remembered choice wins; otherwise Russian for Russian-speaking browsers, English for the rest. */
export function pickInitialLang(stored: string | null, browserLangs: readonly string[]): UiLang {
  if (stored === "ru" || stored === "en") return stored;
  return browserLangs.some((lang) => lang.toLowerCase().startsWith("ru")) ? "ru" : "en";
}

function readStoredLang(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setUpI18n(): void {
  const lng = pickInitialLang(readStoredLang(), navigator.languages ?? [navigator.language]);
  i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on("languageChanged", (lang) => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode may forbid storage; the choice then lasts for this tab only.
    }
  });
}
