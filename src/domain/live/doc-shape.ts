import * as Y from "yjs";

/**
 * How a journey map lives in a Y.Doc (see docs/ARCHITECTURE.md "Live co-editing").
 * The root is `doc.getMap(MAP_ROOT)`; objects are Y.Maps; free text is Y.Text; other values are plain.
 */
export const MAP_ROOT = "map";

/** Strings under these keys are Y.Text, so two people typing in one field merge character by character. */
export const TEXT_KEYS: ReadonlySet<string> = new Set([
  "text",
  "description",
  "evidenceNote",
  "title",
  "name",
  "label",
  "segment",
  "quote",
]);

/** Arrays of objects with an `id` under these keys are collections, diffed by id. */
export const LIST_KEYS: ReadonlySet<string> = new Set(["stages", "lanes", "series", "rows"]);

/** A card lane's cells: one collection per lane, so a card moved between stages keeps its identity. */
export const CELLS_KEY = "cells";

/**
 * A list of objects keyed by id. Contents live in `items` and never move, so an edit made while someone
 * else reorders the list survives; `order` holds the ids (a move deletes and re-inserts an id, so after
 * concurrent moves an id may appear twice and readers keep the first). For cells, `cellOf` maps each card
 * to its stage: moving a card to another stage is one register write.
 */
export interface Collection {
  items: Y.Map<unknown>;
  order: Y.Array<string>;
  cellOf: Y.Map<unknown> | null;
}

export function mapRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(MAP_ROOT);
}

/** The collection stored at a value, or null when the value has another shape (e.g. written by a hostile client). */
export function asCollection(value: unknown, grouped: boolean): Collection | null {
  if (!(value instanceof Y.Map)) return null;
  const items = value.get("items");
  const order = value.get("order");
  const cellOf = grouped ? value.get("cellOf") : null;
  if (!(items instanceof Y.Map) || !(order instanceof Y.Array)) return null;
  if (grouped && !(cellOf instanceof Y.Map)) return null;
  return { items, order, cellOf: cellOf instanceof Y.Map ? cellOf : null };
}

/** The ids of `order` once each, in order. */
export function uniqueIds(order: Y.Array<string>): string[] {
  return [...new Set(order.toArray().filter((id): id is string => typeof id === "string"))];
}
