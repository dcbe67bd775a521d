const PLAIN = /^-?(?:0|[1-9]\d{0,14})(?:[.,]\d+)?$/;
/** Thousands grouped by a space, a no-break space or a narrow no-break space: `54 990,00`. */
const GROUPED = /^-?[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/**
 * A cell as a number when it plainly is one, accepting a decimal comma (`1,5`, Russian Excel) and
 * space-grouped thousands; anything else (ids with leading zeros, phone numbers, `1.2.3`) stays text.
 */
export function parseNumber(text: string): number | undefined {
  if (PLAIN.test(text)) return Number(text.replace(",", "."));
  if (GROUPED.test(text)) return Number(text.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));
  return undefined;
}
