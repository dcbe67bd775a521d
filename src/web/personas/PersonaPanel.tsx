import { Plus } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Drawer } from "../ui/Drawer.js";
import { EditPersonaButton } from "./EditPersonaButton.js";
import { PersonaCard } from "./PersonaCard.js";
import { usePersonaEditing } from "./use-persona-editing.js";
import type { PersonaStore } from "./use-personas.js";

interface Props {
  store: PersonaStore;
  selectedIds: string[];
  readOnly: boolean;
  onToggle: (personaId: string, on: boolean) => void;
  onClose: () => void;
}

/** Beside the map: which personas this map is for, and their profiles, editable in place. */
export function PersonaPanel({ store, selectedIds, readOnly, onToggle, onClose }: Props) {
  const { t } = useTranslation();
  const { startNew, startEdit, editor } = usePersonaEditing(store, (created) => onToggle(created.id, true));
  const ordered = [
    ...store.personas.filter((p) => selectedIds.includes(p.id)),
    ...store.personas.filter((p) => !selectedIds.includes(p.id)),
  ];

  return (
    <Drawer title={t("persona.panelTitle")} onClose={onClose}>
      {store.error && (
        <p className="alert alert-error" role="alert">
          {store.error}
        </p>
      )}
      <button type="button" className="button button-primary drawer-primary" onClick={startNew}>
        <Plus size={16} aria-hidden="true" />
        <span>{t("persona.new")}</span>
      </button>
      {store.loaded && store.personas.length === 0 && <p className="muted">{t("persona.none")}</p>}
      <ul className="persona-panel-list">
        {ordered.map((persona) => (
          <li key={persona.id}>
            <PersonaCard
              persona={persona}
              compact
              actions={
                <>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={selectedIds.includes(persona.id)}
                      disabled={readOnly}
                      onChange={(event) => onToggle(persona.id, event.target.checked)}
                    />
                    <span>{t("persona.onThisMap")}</span>
                  </label>
                  <EditPersonaButton persona={persona} onEdit={startEdit} />
                </>
              }
            />
          </li>
        ))}
      </ul>
      {editor}
    </Drawer>
  );
}
