const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type WindowUnit = "days" | "hours";

/** A conversion window shown in whole days when it is a whole number of days, else in hours. */
export function splitWindow(windowMs: number): { amount: number; unit: WindowUnit } {
  return windowMs % DAY_MS === 0
    ? { amount: windowMs / DAY_MS, unit: "days" }
    : { amount: Math.round((windowMs / HOUR_MS) * 100) / 100, unit: "hours" };
}

export function joinWindow(amount: number, unit: WindowUnit): number {
  return Math.round(amount * (unit === "days" ? DAY_MS : HOUR_MS));
}
