import { Upload } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import { navigate } from "../app/use-route.js";
import { useWorkspace } from "../app/workspace-context.js";
import { importFormatOf } from "./import-format.js";

interface Props {
  onError: (message: string | null) => void;
}

/** Uploads a JSON/XLSX/CSV map file and opens the imported map; errors go to the page's alert. */
export function ImportButton({ onError }: Props) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    onError(null);
    const format = importFormatOf(file.name);
    if (!format) {
      onError(t("import.badExtension", { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const { map } = await api.importFile(workspace.id, format, file);
      navigate(`#/maps/${map.id}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The server usually names the file already; do not say it twice.
      onError(
        t("import.failed", { message: message.includes(file.name) ? message : `${file.name}: ${message}` }),
      );
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = "";
    }
  };

  return (
    <>
      <label htmlFor={inputId} className="visually-hidden">
        {t("import.fileLabel")}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        className="visually-hidden"
        accept=".json,.xlsx,.csv"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <button
        type="button"
        className="button"
        onClick={() => inputRef.current?.click()}
        disabled={busy}
        aria-busy={busy}
      >
        <Upload size={16} aria-hidden="true" />
        <span>{busy ? t("import.busy") : t("import.button")}</span>
      </button>
    </>
  );
}
