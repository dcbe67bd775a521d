import { type KeyboardEvent, useEffect, useRef, useState } from "react";

interface Props {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  readOnly?: boolean;
  autoFocus?: boolean;
  /** Called after a commit or cancel, e.g. to leave a rename mode. */
  onDone?: () => void;
  maxLength?: number;
}

/**
 * Text edited in local state and committed on blur or Enter, so typing re-renders one field, not the map.
 * Escape throws the draft away.
 */
export function InlineText({
  value,
  label,
  onCommit,
  multiline,
  placeholder,
  className,
  readOnly,
  autoFocus,
  onDone,
  maxLength,
}: Props) {
  const [draft, setDraft] = useState(value);
  const cancelled = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (autoFocus) {
      ref.current?.focus();
      ref.current?.select();
    }
  }, [autoFocus]);

  const commit = () => {
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(value);
    } else if (draft !== value) {
      onCommit(draft);
    }
    onDone?.();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      cancelled.current = true;
      event.currentTarget instanceof HTMLElement && event.currentTarget.blur();
      event.stopPropagation();
    } else if (event.key === "Enter" && !(multiline && event.shiftKey)) {
      event.preventDefault();
      event.currentTarget instanceof HTMLElement && event.currentTarget.blur();
    }
  };

  const shared = {
    ref,
    value: draft,
    "aria-label": label,
    placeholder,
    className: className ?? "inline-text",
    readOnly,
    maxLength,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown,
  };
  return multiline ? <textarea rows={2} {...shared} /> : <input type="text" {...shared} />;
}
