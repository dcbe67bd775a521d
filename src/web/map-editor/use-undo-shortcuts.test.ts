import { describe, expect, it } from "vitest";
import { shortcutOf } from "./use-undo-shortcuts.js";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
  shortcutOf({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe("shortcutOf", () => {
  it("maps Ctrl/Cmd+Z to undo and Ctrl+Shift+Z or Ctrl+Y to redo", () => {
    expect(press("z", { ctrlKey: true })).toBe("undo");
    expect(press("z", { metaKey: true })).toBe("undo");
    expect(press("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(press("y", { ctrlKey: true })).toBe("redo");
  });

  it("works on a Russian keyboard layout by the physical key", () => {
    expect(shortcutOf({ key: "я", code: "KeyZ", ctrlKey: true, metaKey: false, shiftKey: false })).toBe(
      "undo",
    );
    expect(shortcutOf({ key: "н", code: "KeyY", ctrlKey: true, metaKey: false, shiftKey: false })).toBe(
      "redo",
    );
  });

  it("ignores plain keys and other chords", () => {
    expect(press("z")).toBeNull();
    expect(press("s", { ctrlKey: true })).toBeNull();
  });
});
