import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../account/FormError.js";
import { useMe } from "../account/me-context.js";
import { TextField } from "../account/TextField.js";
import { useAction } from "../account/use-action.js";
import { teamApi } from "../api/client.js";
import type { MemberWorkspace } from "../api/types.js";

/** Owners rename the workspace; the switcher and every member see the new name. */
export function WorkspaceNameForm({ workspace }: { workspace: MemberWorkspace }) {
  const { t } = useTranslation();
  const { refresh } = useMe();
  const [name, setName] = useState(workspace.name);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <form
      className="settings-section workspace-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void run(async () => {
          await teamApi.renameWorkspace(workspace.id, name);
          await refresh();
          setSaved(true);
        });
      }}
    >
      <TextField label={t("members.rename.label")} value={name} onChange={setName} maxLength={200} />
      <button type="submit" className="button" disabled={busy || name.trim() === workspace.name}>
        {t("members.rename.save")}
      </button>
      <FormError message={error} />
      {saved && (
        <p className="alert alert-success" role="status">
          {t("members.rename.saved")}
        </p>
      )}
    </form>
  );
}
