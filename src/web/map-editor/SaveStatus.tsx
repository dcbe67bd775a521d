import { CircleAlert, CircleCheck, CloudUpload, LoaderCircle, RefreshCw } from "lucide-react";
import { useUiText } from "../i18n/ui-text.js";
import type { SaveState } from "./save-state.js";

interface Props {
  state: SaveState;
  error: string | null;
  onRetry: () => void;
}

const ICONS = {
  saved: CircleCheck,
  unsaved: CloudUpload,
  saving: LoaderCircle,
  error: CircleAlert,
  conflict: CircleAlert,
};

/** Always visible, announced politely: Saving… / Saved / Unsaved changes / Error. */
export function SaveStatus({ state, error, onRetry }: Props) {
  const { t } = useUiText();
  const Icon = ICONS[state];
  return (
    <div className={`save-status save-${state}`}>
      <span role="status" aria-live="polite" className="save-status-text" title={error ?? undefined}>
        <Icon size={14} aria-hidden="true" className={state === "saving" ? "spin" : undefined} />
        {t(`save.${state}`)}
      </span>
      {state === "error" && (
        <button type="button" className="link-button" onClick={onRetry}>
          <RefreshCw size={12} aria-hidden="true" />
          {t("save.retry")}
        </button>
      )}
    </div>
  );
}
