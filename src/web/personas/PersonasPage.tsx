import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Persona } from "../../domain/persona.js";
import { useWorkspace } from "../app/workspace-context.js";
import { IconButton } from "../ui/IconButton.js";
import { EditPersonaButton } from "./EditPersonaButton.js";
import { PersonaCard } from "./PersonaCard.js";
import { usePersonaEditing } from "./use-persona-editing.js";
import { usePersonas } from "./use-personas.js";

/** All personas of the workspace as profile cards. */
export function PersonasPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const store = usePersonas(workspace.id);
  const { startNew, startEdit, editor } = usePersonaEditing(store);
  const [error, setError] = useState<string | null>(null);

  const remove = async (persona: Persona) => {
    if (!window.confirm(t("persona.confirmDelete", { name: persona.name }))) return;
    try {
      await store.remove(persona.id);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t("persona.pageTitle")}</h1>
          <p className="page-subtitle">{t("persona.pageSubtitle")}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={startNew}>
            <Plus size={16} aria-hidden="true" />
            <span>{t("persona.new")}</span>
          </button>
        </div>
      </div>
      {(error ?? store.error) && (
        <p className="alert alert-error" role="alert">
          {error ?? store.error}
        </p>
      )}
      {store.loaded && store.personas.length === 0 && (
        <div className="empty-state">
          <h2>{t("persona.emptyTitle")}</h2>
          <p>{t("persona.emptyText")}</p>
        </div>
      )}
      <ul className="persona-grid">
        {store.personas.map((persona) => (
          <li key={persona.id}>
            <PersonaCard
              persona={persona}
              actions={
                <>
                  <EditPersonaButton persona={persona} onEdit={startEdit} />
                  <IconButton
                    small
                    variant="danger"
                    icon={Trash2}
                    label={t("persona.deleteLabel", { name: persona.name })}
                    onClick={() => void remove(persona)}
                  />
                </>
              }
            />
          </li>
        ))}
      </ul>
      {editor}
    </div>
  );
}
