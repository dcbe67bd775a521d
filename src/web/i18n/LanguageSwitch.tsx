import { useTranslation } from "react-i18next";
import { UI_LANGS } from "./i18n.js";

/** A two-option segmented switch; a native select keeps it keyboard- and screen-reader-friendly. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t("lang.label")}</span>
      <select
        aria-label={t("lang.label")}
        value={i18n.resolvedLanguage ?? "en"}
        onChange={(event) => i18n.changeLanguage(event.target.value)}
      >
        {UI_LANGS.map((lang) => (
          <option key={lang} value={lang}>
            {t(`lang.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
