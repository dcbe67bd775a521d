import { Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Persona } from "../../domain/persona.js";
import { Drawer } from "../ui/Drawer.js";
import { blankPersona } from "./blank-persona.js";
import { PersonaCard } from "./PersonaCard.js";
import { PersonaEditor } from "./PersonaEditor.js";
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
  const [editing, setEditing] = useState<{ persona: Persona; isNew: boolean } | null>(null);
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
      <button
        type="button"
        className="button button-primary drawer-primary"
        onClick={() => setEditing({ persona: blankPersona(t("persona.defaultName")), isNew: true })}
      >
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
                  <button
                    type="button"
                    className="button button-sm"
                    onClick={() => setEditing({ persona, isNew: false })}
                    aria-label={t("persona.editLabel", { name: persona.name })}
                  >
                    <Pencil size={14} aria-hidden="true" />
                    <span>{t("common.edit")}</span>
                  </button>
                </>
              }
            />
          </li>
        ))}
      </ul>
      {editing && (
        <PersonaEditor
          persona={editing.persona}
          isNew={editing.isNew}
          onSave={async (persona) => {
            const stored = await store.save(persona, editing.isNew);
            if (editing.isNew) onToggle(stored.id, true);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Drawer>
  );
}
