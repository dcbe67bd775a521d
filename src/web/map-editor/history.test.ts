import { describe, expect, it } from "vitest";
import {
  canRedo,
  canUndo,
  HISTORY_LIMIT,
  record,
  redo,
  replacePresent,
  startHistory,
  undo,
} from "./history.js";

describe("history", () => {
  it("undoes and redoes in order", () => {
    let h = startHistory("a");
    h = record(h, "b");
    h = record(h, "c");
    h = undo(h);
    expect(h.present).toBe("b");
    h = undo(h);
    expect(h.present).toBe("a");
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe("c");
    expect(canRedo(h)).toBe(false);
  });

  it("drops the redo branch after a new edit", () => {
    let h = record(record(startHistory(1), 2), 3);
    h = record(undo(h), 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it("ignores edits that return the same document and undo/redo at the ends", () => {
    const doc = { n: 1 };
    const h = startHistory(doc);
    expect(record(h, doc)).toBe(h);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it("keeps at most HISTORY_LIMIT undo steps", () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(10);
  });

  it("replacePresent keeps the stacks", () => {
    const h = replacePresent(record(startHistory("a"), "b"), "b2");
    expect(h.present).toBe("b2");
    expect(undo(h).present).toBe("a");
  });
});
