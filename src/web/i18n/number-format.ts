/** Intl formatters are costly to build; one per language serves every chip and cell. */
const cache = new Map<string, Intl.NumberFormat>();

export function numberFormat(lang: string | undefined): Intl.NumberFormat {
  const key = lang ?? "en";
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(key, { maximumFractionDigits: 1 });
    cache.set(key, format);
  }
  return format;
}
