import { Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NewWorkspaceDialog } from "./NewWorkspaceDialog.js";

/** What a user sees after leaving (or being removed from) their last workspace. */
export function NoWorkspace({ onCreated }: { onCreated: (workspaceId: string) => void }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <div className="empty-state">
      <h2>{t("members.noWorkspace.title")}</h2>
      <p>{t("members.noWorkspace.text")}</p>
      <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
        <Plus size={16} aria-hidden="true" />
        <span>{t("members.switcher.new")}</span>
      </button>
      {creating && <NewWorkspaceDialog onClose={() => setCreating(false)} onCreated={onCreated} />}
    </div>
  );
}
