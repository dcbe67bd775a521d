/**
 * Returns `next`, but with every part that equals the same part of `previous` replaced by the previous
 * object. A map re-read from the shared document is all new objects; sharing the unchanged ones lets
 * memoised rows and cards skip re-rendering, so a remote edit repaints only what it touched.
 */
export function shareUnchanged<T>(previous: T, next: T): T {
  return share(previous, next) as T;
}

function share(previous: unknown, next: unknown): unknown {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) return shareArray(previous, next);
  if (isRecord(previous) && isRecord(next)) return shareRecord(previous, next);
  return next;
}

function shareArray(previous: unknown[], next: unknown[]): unknown[] {
  let same = previous.length === next.length;
  const shared = next.map((item, index) => {
    const result = share(previous[index], item);
    if (result !== previous[index]) same = false;
    return result;
  });
  return same ? previous : shared;
}

function shareRecord(
  previous: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(previous).length;
  const shared: Record<string, unknown> = {};
  for (const key of keys) {
    const result = share(previous[key], next[key]);
    if (result !== previous[key] || !(key in previous)) same = false;
    shared[key] = result;
  }
  return same ? previous : shared;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
