import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Persona } from "../../domain/persona.js";
import { blankPersona } from "./blank-persona.js";
import { PersonaEditor } from "./PersonaEditor.js";
import type { PersonaStore } from "./use-personas.js";

/** Which persona is open in the editor (a new one or an existing one), and the editor dialog to render. */
export function usePersonaEditing(store: PersonaStore, onCreated?: (persona: Persona) => void) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ persona: Persona; isNew: boolean } | null>(null);

  const editor = editing && (
    <PersonaEditor
      persona={editing.persona}
      isNew={editing.isNew}
      onSave={async (persona) => {
        const stored = await store.save(persona, editing.isNew);
        if (editing.isNew) onCreated?.(stored);
      }}
      onClose={() => setEditing(null)}
    />
  );

  return {
    startNew: () => setEditing({ persona: blankPersona(t("persona.defaultName")), isNew: true }),
    startEdit: (persona: Persona) => setEditing({ persona, isNew: false }),
    editor,
  };
}
