/**
 * A date picked in the share dialog (`YYYY-MM-DD`, the person's own calendar day) as the instant the link
 * stops working: the end of that day where they are, so "expires on Friday" still works all Friday.
 */
export function endOfLocalDay(date: string): Date {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(year, month - 1, day, 23, 59, 59, 999);
}

/** Today in the browser's calendar as `YYYY-MM-DD`, the earliest date the picker offers. */
export function todayInputValue(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
