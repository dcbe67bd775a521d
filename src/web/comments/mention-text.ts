/** Someone who can be mentioned: a member of the map's workspace. */
export interface Mentionable {
  userId: string;
  name: string;
}

export interface TextPart {
  text: string;
  /** The member this `@Name` mentions, or null for plain text. */
  userId: string | null;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Splits a comment into plain text and `@Name` mentions of members. A mention is `@` at the start or after
 * a space, then a member's exact name not followed by a letter or digit; the longest name wins, so
 * "@Anna Lee" is Anna Lee, not Anna.
 */
export function splitMentions(body: string, members: readonly Mentionable[]): TextPart[] {
  const byLength = [...members].filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
  const parts: TextPart[] = [];
  let plainStart = 0;
  let index = 0;
  while (index < body.length) {
    const member =
      body[index] === "@" && startsWord(body, index) ? memberAt(body, index + 1, byLength) : null;
    if (!member) {
      index++;
      continue;
    }
    if (index > plainStart) parts.push({ text: body.slice(plainStart, index), userId: null });
    const end = index + 1 + member.name.length;
    parts.push({ text: body.slice(index, end), userId: member.userId });
    index = end;
    plainStart = end;
  }
  if (plainStart < body.length) parts.push({ text: body.slice(plainStart), userId: null });
  return parts;
}

/** The ids of the members a comment mentions, each once, in order. */
export function mentionedIds(body: string, members: readonly Mentionable[]): string[] {
  const ids = splitMentions(body, members).flatMap((part) => (part.userId ? [part.userId] : []));
  return [...new Set(ids)];
}

function startsWord(text: string, index: number): boolean {
  return index === 0 || /\s/.test(text[index - 1] ?? "");
}

function memberAt(text: string, from: number, members: readonly Mentionable[]): Mentionable | null {
  for (const member of members) {
    if (!text.startsWith(member.name, from)) continue;
    const next = text[from + member.name.length];
    if (next === undefined || !WORD_CHAR.test(next)) return member;
  }
  return null;
}

/** The `@…` being typed just before the caret, for the autocomplete; null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const start = text.lastIndexOf("@", caret - 1);
  if (start < 0 || !startsWord(text, start)) return null;
  const query = text.slice(start + 1, caret);
  // Names may hold a space ("Anna Lee"), but not a line break, and nobody types a 40-letter name.
  if (query.length > 40 || /[\n@]/.test(query) || /\s\s/.test(query)) return null;
  return { start, query };
}

/** Replaces the typed `@query` with the member's full `@Name ` and says where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** Members whose name contains the query (case-insensitive), those starting with it first. */
export function matchMembers<T extends Mentionable>(members: readonly T[], query: string, limit = 6): T[] {
  const wanted = query.toLocaleLowerCase();
  const hits = members.filter((m) => m.name.toLocaleLowerCase().includes(wanted));
  const starts = (m: T) => (m.name.toLocaleLowerCase().startsWith(wanted) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name)).slice(0, limit);
}
