import { Activity } from "lucide-react";
import { roleAtLeast } from "../../domain/team/role.js";
import { useMe } from "../account/me-context.js";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  /** The map's workspace: only its editors and owners see the log (the server checks it too). */
  workspaceId: string;
  pressed: boolean;
  onClick: () => void;
}

/** The map editor's way into the activity drawer; nothing for commenters and viewers. */
export function ActivityButton({ workspaceId, pressed, onClick }: Props) {
  const { t } = useUiText();
  const { me } = useMe();
  const role = me.workspaces.find((workspace) => workspace.id === workspaceId)?.role;
  if (!role || !roleAtLeast(role, "editor")) return null;
  return (
    <button type="button" className="button" aria-pressed={pressed} onClick={onClick}>
      <Activity size={16} aria-hidden="true" />
      <span>{t("activity.button")}</span>
    </button>
  );
}
