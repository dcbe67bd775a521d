import { useEffect, useState } from "react";
import { parseNumber } from "./card-draft.js";

interface Props {
  value: number | null | undefined;
  label: string;
  onCommit: (value: number | null) => void;
  readOnly: boolean;
  className?: string;
  placeholder?: string;
  suffix?: string;
  /** How the value reads when the field is not being edited, e.g. "10 000". */
  format?: (value: number) => string;
}

/** A number typed as text (so "1 200" and "2,5" work) and committed on blur or Enter; junk reverts. */
export function NumberField({
  value,
  label,
  onCommit,
  readOnly,
  className,
  placeholder,
  suffix,
  format,
}: Props) {
  const shown = value === null || value === undefined ? "" : String(value);
  const [draft, setDraft] = useState(shown);
  const [editing, setEditing] = useState(false);
  useEffect(() => setDraft(shown), [shown]);
  const display = !editing && format && value !== null && value !== undefined ? format(value) : draft;

  const commit = () => {
    const parsed = parseNumber(draft);
    if (draft.trim() !== "" && parsed === null) {
      setDraft(shown);
      return;
    }
    if (parsed !== (value ?? null)) onCommit(parsed);
  };

  return (
    <span className={`number-field ${className ?? ""}`}>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={display}
        placeholder={placeholder}
        readOnly={readOnly}
        onChange={(event) => setDraft(event.target.value)}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          commit();
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") event.currentTarget.blur();
          if (event.key === "Escape") setDraft(shown);
        }}
      />
      {suffix && <span className="number-suffix">{suffix}</span>}
    </span>
  );
}
