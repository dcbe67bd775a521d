import * as Y from "yjs";
import { asCollection, CELLS_KEY, type Collection, LIST_KEYS, mapRoot, uniqueIds } from "./doc-shape.js";

type JsonObject = Record<string, unknown>;

/**
 * The plain JSON the doc describes: collections become arrays (each id once, in order), Y.Text becomes
 * strings. Not validated: a merge or a hostile client may leave an invalid map, so callers run `parseMap`.
 */
export function readMapFromDoc(doc: Y.Doc): unknown {
  return readObject(mapRoot(doc));
}

// Built with Object.fromEntries so a key such as "__proto__" stays a plain key.
function readObject(source: Y.Map<unknown>): JsonObject {
  return Object.fromEntries([...source.entries()].map(([key, value]) => [key, readEntry(key, value)]));
}

function readEntry(key: string, value: unknown): unknown {
  if (value instanceof Y.Text) return value.toString();
  if (LIST_KEYS.has(key)) {
    const collection = asCollection(value, false);
    if (collection) return readList(collection);
  }
  if (key === CELLS_KEY) {
    const collection = asCollection(value, true);
    if (collection) return readCells(collection);
  }
  if (value instanceof Y.Map) return readObject(value);
  if (value instanceof Y.AbstractType) return value.toJSON();
  return structuredClone(value);
}

function readList(collection: Collection): JsonObject[] {
  return uniqueIds(collection.order).flatMap((id) => {
    const item = collection.items.get(id);
    return item instanceof Y.Map ? [{ ...readObject(item), id }] : [];
  });
}

function readCells(collection: Collection): Record<string, JsonObject[]> {
  const cells = new Map<string, JsonObject[]>();
  for (const id of uniqueIds(collection.order)) {
    const item = collection.items.get(id);
    const stageId = collection.cellOf?.get(id);
    if (!(item instanceof Y.Map) || typeof stageId !== "string") continue;
    const cards = cells.get(stageId) ?? [];
    cards.push({ ...readObject(item), id });
    cells.set(stageId, cards);
  }
  return Object.fromEntries(cells);
}
