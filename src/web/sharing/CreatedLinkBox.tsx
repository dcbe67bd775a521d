import { Check, Copy } from "lucide-react";
import { useId, useState } from "react";
import { useUiText } from "../i18n/ui-text.js";

/** The new link in full, once: the server keeps only its hash, so this is the one chance to copy it. */
export function CreatedLinkBox({ url }: { url: string }) {
  const { t } = useUiText();
  const [copied, setCopied] = useState(false);
  const inputId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access (plain http, a denied permission) the text is selected for Ctrl+C instead.
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
    }
  };

  return (
    <section className="share-created" aria-label={t("sharing.createdTitle")}>
      <h3>{t("sharing.createdTitle")}</h3>
      <div className="share-created-row">
        <input
          id={inputId}
          className="share-url"
          readOnly
          value={url}
          aria-label={t("sharing.linkLabel")}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? <Check size={16} aria-hidden="true" /> : <Copy size={16} aria-hidden="true" />}
          <span>{copied ? t("sharing.copied") : t("sharing.copy")}</span>
        </button>
      </div>
      <p className="muted">{t("sharing.createdNote")}</p>
    </section>
  );
}
