import * as Y from "yjs";
import { asCollection, CELLS_KEY, type Collection, LIST_KEYS, mapRoot, uniqueIds } from "./doc-shape.js";

type JsonObject = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: Yjs types its event handlers by event type; any type will do here.
type YType = Y.AbstractType<any>;

/** What each Y type read as, kept until the type or anything below it changes. */
export type ReadCache = WeakMap<YType, unknown>;

/**
 * The plain JSON the doc describes: collections become arrays (each id once, in order), Y.Text becomes
 * strings. Not validated: a merge or a hostile client may leave an invalid map, so callers run `parseMap`.
 */
export function readMapFromDoc(doc: Y.Doc): unknown {
  return readObject(mapRoot(doc), null);
}

/**
 * Reads a doc again and again, rebuilding only the parts a transaction touched since the last read; the
 * untouched parts are the very objects read before. A card edit in a 1,500-card map then costs a few
 * objects instead of the whole map, and the parts' identity tells the parser and React what is unchanged.
 * The returned objects are shared between reads: never mutate them.
 */
export class MapDocReader {
  private readonly cache: ReadCache = new WeakMap();

  constructor(private readonly doc: Y.Doc) {
    doc.on("afterTransaction", (transaction: Y.Transaction) => this.forget(transaction));
  }

  read(): unknown {
    // Inside a transaction the changes so far are already in the doc, but afterTransaction is yet to come.
    if (this.doc._transaction) this.forget(this.doc._transaction);
    return readObject(mapRoot(this.doc), this.cache);
  }

  /** Drops every changed type and all its ancestors: their JSON contains the change. */
  private forget(transaction: Y.Transaction): void {
    for (const type of transaction.changed.keys()) {
      for (let current: YType | null = type; current; current = parentOf(current)) {
        this.cache.delete(current);
      }
    }
  }
}

function parentOf(type: YType): YType | null {
  const parent = type._item?.parent;
  return parent instanceof Y.AbstractType ? parent : null;
}

function cached<T>(type: YType, cache: ReadCache | null, read: () => T): T {
  if (!cache) return read();
  if (cache.has(type)) return cache.get(type) as T;
  const value = read();
  cache.set(type, value);
  return value;
}

// Built with Object.fromEntries so a key such as "__proto__" stays a plain key.
function readObject(source: Y.Map<unknown>, cache: ReadCache | null): JsonObject {
  return cached(source, cache, () =>
    Object.fromEntries([...source.entries()].map(([key, value]) => [key, readEntry(key, value, cache)])),
  );
}

function readEntry(key: string, value: unknown, cache: ReadCache | null): unknown {
  if (value instanceof Y.Text) return value.toString();
  if (LIST_KEYS.has(key)) {
    const collection = asCollection(value, false);
    if (collection) return cached(value as Y.Map<unknown>, cache, () => readList(collection, cache));
  }
  if (key === CELLS_KEY) {
    const collection = asCollection(value, true);
    if (collection) return cached(value as Y.Map<unknown>, cache, () => readCells(collection, cache));
  }
  if (value instanceof Y.Map) return readObject(value, cache);
  if (value instanceof Y.AbstractType) return value.toJSON();
  return structuredClone(value);
}

function readItem(item: Y.Map<unknown>, id: string, cache: ReadCache | null): JsonObject {
  return cached(item, cache, () => ({ ...readObject(item, null), id }));
}

function readList(collection: Collection, cache: ReadCache | null): JsonObject[] {
  return uniqueIds(collection.order).flatMap((id) => {
    const item = collection.items.get(id);
    return item instanceof Y.Map ? [readItem(item, id, cache)] : [];
  });
}

function readCells(collection: Collection, cache: ReadCache | null): Record<string, JsonObject[]> {
  const cells = new Map<string, JsonObject[]>();
  for (const id of uniqueIds(collection.order)) {
    const item = collection.items.get(id);
    const stageId = collection.cellOf?.get(id);
    if (!(item instanceof Y.Map) || typeof stageId !== "string") continue;
    const cards = cells.get(stageId) ?? [];
    cards.push(readItem(item, id, cache));
    cells.set(stageId, cards);
  }
  return Object.fromEntries(cells);
}
