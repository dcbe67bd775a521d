const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When something happened, as people say it: "just now" (given), "5 minutes ago", "yesterday",
 * "3 days ago"; after a week the date itself, which reads better than "5 weeks ago".
 */
export function relativeTime(iso: string, now: Date, lang: string, justNow: string): string {
  const then = new Date(iso);
  const ago = now.getTime() - then.getTime();
  if (ago < 45_000) return justNow;
  const words = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  if (ago < HOUR) return words.format(-Math.max(1, Math.round(ago / MINUTE)), "minute");
  if (ago < DAY) return words.format(-Math.round(ago / HOUR), "hour");
  if (ago < 7 * DAY) return words.format(-Math.round(ago / DAY), "day");
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(then);
}

/** The exact time, for the tooltip of a relative one. */
export function exactTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
