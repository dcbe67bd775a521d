/** Up to two letters for an avatar: first and last word ("Anna Petrova" → "AP", "Иван" → "И"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  // Array.from splits by code point, so a name starting with an emoji or a rare script stays whole.
  const letter = (word: string) => (Array.from(word)[0] ?? "").toLocaleUpperCase();
  return letter(first) + (last ? letter(last) : "");
}
