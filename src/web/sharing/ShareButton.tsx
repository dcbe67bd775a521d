import { Share2 } from "lucide-react";
import { useState } from "react";
import { roleAtLeast } from "../../domain/team/role.js";
import { useMe } from "../account/me-context.js";
import { useUiText } from "../i18n/ui-text.js";
import { ShareDialog } from "./ShareDialog.js";

interface Props {
  mapId: string;
  /** The map's workspace: only its editors and owners may share (the server checks it too). */
  workspaceId: string;
}

/** The map editor's Share button and its dialog; nothing for commenters and viewers. */
export function ShareButton({ mapId, workspaceId }: Props) {
  const { t } = useUiText();
  const { me } = useMe();
  const [open, setOpen] = useState(false);
  const role = me.workspaces.find((workspace) => workspace.id === workspaceId)?.role;
  if (!role || !roleAtLeast(role, "editor")) return null;
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <Share2 size={16} aria-hidden="true" />
        <span>{t("sharing.button")}</span>
      </button>
      {open && <ShareDialog mapId={mapId} onClose={() => setOpen(false)} />}
    </>
  );
}
