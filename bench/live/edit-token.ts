/**
 * Every edit writes a unique token `~t<n>~` into a card's text; readers find tokens in any text that
 * changed. Tokens are numbers from one counter of the bench process, so one clock times every edit.
 */
export interface SentEdit {
  token: number;
  /** performance.now() just before the edit was written into the sender's doc. */
  at: number;
  author: number;
}

const TOKEN = /~t(\d+)~/g;

export function formatToken(token: number): string {
  return `~t${token}~`;
}

export function tokensIn(text: string): number[] {
  return [...text.matchAll(TOKEN)].map((match) => Number(match[1]));
}

/** The shared card's line of one editor: `e12:~t345~`. Each editor only ever rewrites its own line. */
export function sharedLine(author: number, token: number): string {
  return `e${author}:${formatToken(token)}`;
}

/** Replaces the editor's own line of a shared card (or appends it), leaving everyone else's lines as they are. */
export function withSharedLine(text: string, author: number, token: number): string {
  const lines = text.split("\n");
  const prefix = `e${author}:`;
  const at = lines.findIndex((line) => line.startsWith(prefix));
  if (at === -1) return `${text}\n${sharedLine(author, token)}`;
  lines[at] = sharedLine(author, token);
  return lines.join("\n");
}
