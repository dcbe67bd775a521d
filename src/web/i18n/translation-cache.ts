import type { TFunction } from "i18next";

/** Past this many distinct strings (renamed stages and lanes add some) the cache starts over. */
const MAX_ENTRIES = 5000;

const isCacheable = (options: unknown): options is Record<string, string | number> | undefined =>
  options === undefined ||
  (typeof options === "object" &&
    options !== null &&
    Object.values(options).every((value) => typeof value === "string" || typeof value === "number"));

/**
 * Remembers each translated string of one language. i18next resolves the key, interpolates and formats on
 * every call, and a large map asks for the same few dozen labels thousands of times: about a quarter
 * of a second of opening a 1,500-card map. Calls with other options (objects, booleans) are passed through.
 */
export function cacheTranslations(t: TFunction): TFunction {
  const cache = new Map<string, string>();
  const cached = (key: unknown, options?: unknown): unknown => {
    if (typeof key !== "string" || !isCacheable(options)) return t(key as never, options as never);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = cache.get(id);
    if (text === undefined) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      text = String(t(key, options));
      cache.set(id, text);
    }
    return text;
  };
  return cached as TFunction;
}
