import { Check } from "lucide-react";
import { type CSSProperties, type ReactNode, useEffect, useLayoutEffect, useRef } from "react";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  label: string;
  /** Done, Enter in a single-line field, or a click outside: keep the edits. */
  onSubmit: () => void;
  /** Escape, or `dismiss` after an action: close without saving the form. */
  onCancel: () => void;
  children: ReactNode;
  /**
   * Extra buttons on the left of the footer, e.g. delete; `dismiss` closes the popover after such an
   * action without submitting or cancelling the form.
   */
  actions?: (dismiss: () => void) => ReactNode;
  className?: string;
  style?: CSSProperties;
}

const FOCUSABLE = "input, textarea, select, button";
const EDGE_GAP_PX = 8;

/**
 * A small non-modal editing form next to what it edits. It takes focus on opening and gives it back to
 * whatever had it (the control that opened it) on closing, so keyboard users land where they started.
 */
export function Popover({ label, onSubmit, onCancel, children, actions, className, style }: Props) {
  const { t } = useUiText();
  const ref = useRef<HTMLFormElement>(null);
  const opener = useRef<Element | null>(null);
  const closed = useRef(false);
  const latest = useRef({ onSubmit, onCancel });
  latest.current = { onSubmit, onCancel };

  const close = (how: "submit" | "cancel" | "dismiss") => {
    if (closed.current) return;
    closed.current = true;
    if (how === "submit") latest.current.onSubmit();
    else latest.current.onCancel();
    const back = opener.current;
    requestAnimationFrame(() => {
      if (back instanceof HTMLElement || back instanceof SVGElement) {
        if (back.isConnected) back.focus();
      }
    });
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  // Next to the last visible column the popover would hang off the window: slide it back in, and
  // scroll the board if it opens below the fold.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const overflow = element.getBoundingClientRect().right - (window.innerWidth - EDGE_GAP_PX);
    if (overflow > 0) element.style.translate = `${-overflow}px 0`;
    element.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, []);

  useEffect(() => {
    opener.current = document.activeElement;
    const first =
      ref.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    // Typing replaces a one-line value (e.g. the "New KPI" a new row starts with); a long text is kept.
    if (first instanceof HTMLInputElement) first.select();
    const closeOnOutside = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) {
        // A click elsewhere moves focus there; do not pull it back to the opener.
        opener.current = null;
        closeRef.current("submit");
      }
    };
    document.addEventListener("pointerdown", closeOnOutside);
    return () => document.removeEventListener("pointerdown", closeOnOutside);
  }, []);

  return (
    <form
      ref={ref}
      className={`popover ${className ?? ""}`}
      style={style}
      role="dialog"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        close("submit");
      }}
      onKeyDown={(event) => {
        // Keys typed here belong to the form, not to the header around it (Alt+arrows moves a stage).
        event.stopPropagation();
        if (event.key !== "Escape") return;
        event.preventDefault();
        close("cancel");
      }}
    >
      <p className="popover-title">{label}</p>
      {children}
      <div className="popover-actions">
        {actions?.(() => close("dismiss"))}
        <span className="spacer" />
        <button type="submit" className="button button-primary button-sm">
          <Check size={14} aria-hidden="true" />
          <span>{t("common.done")}</span>
        </button>
      </div>
    </form>
  );
}
