import { describe, expect, it } from "vitest";
import { shareUnchanged } from "./share-unchanged.js";

describe("shareUnchanged", () => {
  const previous = {
    title: "Map",
    stages: [
      { id: "s1", name: "Landing" },
      { id: "s2", name: "Payment" },
    ],
    cells: { s1: [{ id: "c1", text: "a" }], s2: [] as { id: string; text: string }[] },
  };

  it("returns the previous object when nothing changed", () => {
    expect(shareUnchanged(previous, structuredClone(previous))).toBe(previous);
  });

  it("keeps unchanged branches and replaces the changed path", () => {
    const next = structuredClone(previous);
    next.stages[1] = { id: "s2", name: "Checkout" };
    const shared = shareUnchanged(previous, next);
    expect(shared).toEqual(next);
    expect(shared).not.toBe(previous);
    expect(shared.stages).not.toBe(previous.stages);
    expect(shared.stages[0]).toBe(previous.stages[0]);
    expect(shared.stages[1]).toEqual({ id: "s2", name: "Checkout" });
    expect(shared.cells).toBe(previous.cells);
  });

  it("notices added and removed keys and items", () => {
    const added = { ...structuredClone(previous), extra: 1 };
    expect(shareUnchanged<Record<string, unknown>>(previous, added)).toEqual(added);
    const fewer = structuredClone(previous);
    fewer.stages.pop();
    expect(shareUnchanged(previous, fewer).stages).toEqual([{ id: "s1", name: "Landing" }]);
    const { title: _title, ...untitled } = structuredClone(previous);
    expect(shareUnchanged<object>(previous, untitled)).toEqual(untitled);
  });
});
