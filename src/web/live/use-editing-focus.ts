import { useEffect } from "react";
import type { PresenceFocus } from "./presence.js";

/**
 * What a focused element is editing: a card whose form is open, or a stage whose name or details are
 * being typed. Merely selecting a card (focusing its button) is not editing and shows no outline.
 */
export function focusOf(target: EventTarget | null): PresenceFocus {
  if (!(target instanceof Element)) return {};
  const cardId = target.closest("form[data-card-id]")?.getAttribute("data-card-id") ?? undefined;
  if (cardId) return { cardId };
  const typing = target.matches("input, textarea, select");
  const stageId = typing
    ? (target.closest("[data-stage-id]")?.getAttribute("data-stage-id") ?? undefined)
    : undefined;
  return stageId ? { stageId } : {};
}

/** Publishes where keyboard focus is (the card or stage being edited), so others see an outline there. */
export function useEditingFocus(setFocus: (focus: PresenceFocus) => void): void {
  useEffect(() => {
    let last = "";
    const publish = (focus: PresenceFocus) => {
      const key = `${focus.cardId ?? ""}|${focus.stageId ?? ""}`;
      if (key === last) return;
      last = key;
      setFocus(focus);
    };
    const onFocusIn = (event: FocusEvent) => publish(focusOf(event.target));
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget === null) publish({});
    };
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
    };
  }, [setFocus]);
}
