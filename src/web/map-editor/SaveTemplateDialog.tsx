import { useId, useState } from "react";
import { api } from "../api/client.js";
import { useUiText } from "../i18n/ui-text.js";
import { Dialog } from "../ui/Dialog.js";

interface Props {
  mapId: string;
  defaultName: string;
  beforeSave: () => Promise<void>;
  onClose: () => void;
}

export function SaveTemplateDialog({ mapId, defaultName, beforeSave, onClose }: Props) {
  const { t } = useUiText();
  const [name, setName] = useState(defaultName);
  const [state, setState] = useState<"idle" | "busy" | "done">("idle");
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  const save = async () => {
    if (!name.trim()) {
      setError(t("template.nameRequired"));
      return;
    }
    setState("busy");
    setError(null);
    try {
      await beforeSave();
      await api.saveAsTemplate(mapId, name.trim());
      setState("done");
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setState("idle");
    }
  };

  return (
    <Dialog
      title={t("template.title")}
      onClose={onClose}
      footer={
        state === "done" ? (
          <>
            <span className="spacer" />
            <button type="button" className="button button-primary" onClick={onClose}>
              {t("common.close")}
            </button>
          </>
        ) : (
          <>
            <span className="spacer" />
            <button type="button" className="button" onClick={onClose}>
              {t("common.cancel")}
            </button>
            <button type="submit" form={formId} className="button button-primary" disabled={state === "busy"}>
              {t("template.save")}
            </button>
          </>
        )
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="muted">{t("template.intro")}</p>
        <label className="field">
          <span>{t("template.name")}</span>
          <input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        </label>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {state === "done" && (
          <p className="alert alert-success" role="status">
            {t("template.saved", { name })}
          </p>
        )}
      </form>
    </Dialog>
  );
}
