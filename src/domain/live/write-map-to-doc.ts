import * as Y from "yjs";
import type { JourneyMap } from "../journey-map.js";
import {
  asCollection,
  CELLS_KEY,
  type Collection,
  LIST_KEYS,
  mapRoot,
  TEXT_KEYS,
  uniqueIds,
} from "./doc-shape.js";
import { jsonEqual } from "./json-equal.js";
import { updateText } from "./update-text.js";

type JsonObject = Record<string, unknown>;
type Item = JsonObject & { id: string };

/**
 * Makes the doc describe `map`, changing only what differs, in one transaction. Writing the map the doc
 * already holds changes nothing (no update is emitted). `held`, when given, is a map the doc is known to
 * describe (the one last read from it or written to it): the parts of `map` that are the very same objects
 * as in `held` are skipped without looking at the doc, so an edit to one card of a large map is cheap.
 * @example writeMapToDoc(doc, updateCard(held, args), "local", held)
 */
export function writeMapToDoc(doc: Y.Doc, map: JourneyMap, origin?: unknown, held?: JourneyMap): void {
  doc.transact(() => writeObject(mapRoot(doc), map as unknown as JsonObject, held), origin ?? null);
}

function writeObject(target: Y.Map<unknown>, value: JsonObject, held?: unknown): void {
  for (const key of [...target.keys()]) {
    if (value[key] === undefined) target.delete(key);
  }
  const before = isPlainObject(held) ? held : undefined;
  for (const [key, next] of Object.entries(value)) {
    if (next !== undefined && next !== before?.[key]) writeEntry(target, key, next, before?.[key]);
  }
}

function writeEntry(target: Y.Map<unknown>, key: string, next: unknown, held: unknown): void {
  const current = target.get(key);
  if (LIST_KEYS.has(key) && isItemList(next)) {
    writeList(ensureCollection(target, key, false), next, heldItems(held));
  } else if (key === CELLS_KEY && isCells(next)) {
    writeCells(ensureCollection(target, key, true), next, heldItems(held));
  } else if (TEXT_KEYS.has(key) && typeof next === "string") {
    if (current instanceof Y.Text) updateText(current, next);
    else target.set(key, new Y.Text(next));
  } else if (isPlainObject(next)) {
    writeObject(ensureMap(target, key), next, held);
  } else if (current instanceof Y.AbstractType || !jsonEqual(current, next)) {
    target.set(key, structuredClone(next));
  }
}

/** The items of a held list or of held cells, by id. */
function heldItems(held: unknown): Map<string, unknown> {
  const lists = Array.isArray(held) ? [held] : isPlainObject(held) ? Object.values(held) : [];
  const items = new Map<string, unknown>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) if (isPlainObject(item) && typeof item.id === "string") items.set(item.id, item);
  }
  return items;
}

function writeItem(collection: Collection, item: Item, held: Map<string, unknown>): void {
  const before = held.get(item.id);
  if (item !== before) writeObject(ensureMap(collection.items, item.id), item, before);
}

function writeList(collection: Collection, items: Item[], held: Map<string, unknown>): void {
  const ids = items.map((item) => item.id);
  removeItemsNotIn(collection, new Set(ids));
  for (const item of items) writeItem(collection, item, held);
  writeOrder(collection.order, ids, () => "");
}

function writeCells(collection: Collection, cells: Record<string, Item[]>, held: Map<string, unknown>): void {
  const cellOf = collection.cellOf as Y.Map<unknown>;
  const cards = Object.entries(cells).flatMap(([stageId, items]) => items.map((item) => ({ item, stageId })));
  const ids = cards.map(({ item }) => item.id);
  removeItemsNotIn(collection, new Set(ids));
  for (const { item, stageId } of cards) {
    writeItem(collection, item, held);
    if (cellOf.get(item.id) !== stageId) cellOf.set(item.id, stageId);
  }
  const stageOf = new Map(cards.map(({ item, stageId }) => [item.id, stageId]));
  writeOrder(collection.order, ids, (id) => stageOf.get(id));
}

function removeItemsNotIn(collection: Collection, keep: ReadonlySet<string>): void {
  for (const id of [...collection.items.keys()]) {
    if (!keep.has(id)) collection.items.delete(id);
  }
  for (const id of [...(collection.cellOf?.keys() ?? [])]) {
    if (!keep.has(id)) collection.cellOf?.delete(id);
  }
}

/**
 * Rewrites `order` to `ids` between their common prefix and suffix, unless the order readers see is
 * already the same (per cell for cells: `groupOf` says which ids must keep their relative order).
 */
function writeOrder(
  order: Y.Array<string>,
  ids: string[],
  groupOf: (id: string) => string | undefined,
): void {
  const wanted = new Set(ids);
  const seen = uniqueIds(order).filter((id) => wanted.has(id));
  if (sameGrouping(seen, ids, groupOf)) return;
  const current = order.toArray();
  const shorter = Math.min(current.length, ids.length);
  let start = 0;
  while (start < shorter && current[start] === ids[start]) start += 1;
  let end = 0;
  while (end < shorter - start && current[current.length - 1 - end] === ids[ids.length - 1 - end]) end += 1;
  const removed = current.length - start - end;
  if (removed > 0) order.delete(start, removed);
  const inserted = ids.slice(start, ids.length - end);
  if (inserted.length > 0) order.insert(start, inserted);
}

function sameGrouping(seen: string[], ids: string[], groupOf: (id: string) => string | undefined): boolean {
  if (seen.length !== ids.length) return false;
  const byGroup = (list: string[]) => {
    const groups = new Map<string | undefined, string[]>();
    for (const id of list) {
      const members = groups.get(groupOf(id)) ?? [];
      members.push(id);
      groups.set(groupOf(id), members);
    }
    return groups;
  };
  const left = byGroup(seen);
  const right = byGroup(ids);
  return [...right].every(([group, list]) => jsonEqual(left.get(group), list));
}

function ensureMap(target: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const current = target.get(key);
  if (current instanceof Y.Map) return current;
  return target.set(key, new Y.Map<unknown>());
}

function ensureCollection(target: Y.Map<unknown>, key: string, grouped: boolean): Collection {
  const existing = asCollection(target.get(key), grouped);
  if (existing) return existing;
  const created = target.set(key, new Y.Map<unknown>());
  const items = created.set("items", new Y.Map<unknown>());
  const order = created.set("order", new Y.Array<string>());
  const cellOf = grouped ? created.set("cellOf", new Y.Map<unknown>()) : null;
  return { items, order, cellOf };
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isItemList(value: unknown): value is Item[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === "string");
}

function isCells(value: unknown): value is Record<string, Item[]> {
  return isPlainObject(value) && Object.values(value).every(isItemList);
}
