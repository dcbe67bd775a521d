/** Template names come either as `{ ru, en }` (built-in) or as one string (saved by a workspace). */
export function localized(value: Record<string, string> | string | undefined, lang: string): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return value[lang] ?? value.en ?? Object.values(value)[0] ?? "";
}
