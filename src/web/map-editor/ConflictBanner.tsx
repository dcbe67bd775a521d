import { RefreshCw, TriangleAlert } from "lucide-react";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  onReload: () => void;
}

/** Shown on HTTP 409: the map stays on screen (and editable locally) until the user chooses to reload. */
export function ConflictBanner({ onReload }: Props) {
  const { t } = useUiText();
  return (
    <div className="banner banner-warning" role="alert">
      <TriangleAlert size={18} aria-hidden="true" />
      <div>
        <strong>{t("conflict.title")}</strong>
        <p>{t("conflict.text")}</p>
      </div>
      <button type="button" className="button" onClick={onReload}>
        <RefreshCw size={14} aria-hidden="true" />
        <span>{t("conflict.reload")}</span>
      </button>
    </div>
  );
}
