/** A date as people write it in the UI language, e.g. "12 Mar 2025" or "12 мар. 2025 г.". */
export function dateText(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(iso));
}
