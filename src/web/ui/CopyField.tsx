import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";

interface Props {
  value: string;
  /** The field's accessible name, e.g. "Invitation link". */
  label: string;
  copyLabel: string;
  copiedLabel: string;
}

/** A read-only value (a link shown once) with a button that copies it. */
export function CopyField({ value, label, copyLabel, copiedLabel }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // Without clipboard access (plain http on another host, a denied permission) select it for Ctrl+C.
      input.current?.select();
    }
  };

  return (
    <div className="copy-field">
      <input
        ref={input}
        readOnly
        value={value}
        aria-label={label}
        onFocus={(event) => event.target.select()}
      />
      <button type="button" className="button" onClick={() => void copy()}>
        {copied ? <Check size={16} aria-hidden="true" /> : <Copy size={16} aria-hidden="true" />}
        <span>{copied ? copiedLabel : copyLabel}</span>
      </button>
    </div>
  );
}
