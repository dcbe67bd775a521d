import { CircleCheck, CloudOff, LoaderCircle, PlugZap, Unplug } from "lucide-react";
import { useUiText } from "../i18n/ui-text.js";
import type { SaveState } from "./save-state.js";

const ICONS = {
  connecting: LoaderCircle,
  saved: CircleCheck,
  saving: LoaderCircle,
  offline: CloudOff,
  unreachable: PlugZap,
  refused: Unplug,
};

/** The look, shared with the styles of the save indicator before live editing. */
const TONES: Record<SaveState, string> = {
  connecting: "save-saving",
  saved: "save-saved",
  saving: "save-saving",
  offline: "save-unsaved",
  unreachable: "save-error",
  refused: "save-error",
};

const HINTS: Partial<Record<SaveState, string>> = {
  saved: "live.hint.saved",
  saving: "live.hint.saving",
  offline: "live.hint.offline",
};

/** Always visible, announced politely: the link to the live map and whether the server has the edits. */
interface Props {
  state: SaveState;
  /** Commenters and viewers have nothing to save: for them "saved" means the map on screen is current. */
  watching?: boolean;
}

export function SaveStatus({ state, watching = false }: Props) {
  const { t } = useUiText();
  const Icon = ICONS[state];
  const hint = HINTS[state];
  const spinning = state === "saving" || state === "connecting";
  return (
    <div className={`save-status ${TONES[state]}`}>
      <span
        role="status"
        aria-live="polite"
        className="save-status-text"
        title={hint && !watching ? t(hint) : undefined}
      >
        <Icon size={14} aria-hidden="true" className={spinning ? "spin" : undefined} />
        {t(watching && state === "saved" ? "live.status.upToDate" : `live.status.${state}`)}
      </span>
    </div>
  );
}
