import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../account/FormError.js";
import { useMe } from "../account/me-context.js";
import { TextField } from "../account/TextField.js";
import { useAction } from "../account/use-action.js";
import { teamApi } from "../api/client.js";
import { navigate } from "../app/use-route.js";
import { Dialog } from "../ui/Dialog.js";

interface Props {
  onClose: () => void;
  /** Makes the new workspace the current one. */
  onCreated: (workspaceId: string) => void;
}

/** A new, empty workspace; its creator owns it. */
export function NewWorkspaceDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { refresh } = useMe();
  const formId = useId();
  const [name, setName] = useState("");
  const { busy, error, run } = useAction();

  const create = () =>
    run(async () => {
      const workspace = await teamApi.createWorkspace(name);
      await refresh();
      onCreated(workspace.id);
      navigate("#/");
      onClose();
    });

  return (
    <Dialog
      title={t("members.newWorkspace.title")}
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy ? t("members.newWorkspace.busy") : t("members.newWorkspace.create")}
          </button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <TextField label={t("members.newWorkspace.name")} value={name} onChange={setName} maxLength={200} />
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
