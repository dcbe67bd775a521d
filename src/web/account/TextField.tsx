import { type HTMLInputTypeAttribute, useId } from "react";

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  hint?: string;
  minLength?: number;
  maxLength?: number;
  /** A message about this field from the server; the field is marked invalid and describes it. */
  error?: string | null;
  autoFocus?: boolean;
}

/** A labelled input of the account and member forms; always required, so the browser checks emptiness. */
export function TextField({ label, value, onChange, type = "text", hint, error, ...rest }: Props) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined;
  return (
    // The hint sits outside the label, so the field's accessible name is the label alone.
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type={type}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
      {hint && (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
