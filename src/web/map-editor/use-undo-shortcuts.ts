import { useEffect } from "react";

/**
 * The shortcut a key press means, if any. The physical key (`code`) counts too, so Ctrl+Z works on a
 * Russian layout where `key` is "я".
 */
export function shortcutOf(event: {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): "undo" | "redo" | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === "z" || event.code === "KeyZ") return event.shiftKey ? "redo" : "undo";
  if (key === "y" || event.code === "KeyY") return "redo";
  return null;
}

/** Text fields keep their own native undo of typing. */
function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button"].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

export function useUndoShortcuts(onUndo: () => void, onRedo: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (!shortcut || isTextField(event.target)) return;
      event.preventDefault();
      if (shortcut === "undo") onUndo();
      else onRedo();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onUndo, onRedo, enabled]);
}
