/** Short random ids for maps, stages, lanes and cards (URL- and schema-safe). */
export function newId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, "").slice(0, 16);
}
