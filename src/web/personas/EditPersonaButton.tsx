import { Pencil } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { Persona } from "../../domain/persona.js";

interface Props {
  persona: Persona;
  onEdit: (persona: Persona) => void;
}

/** The "Edit" action on a persona card, named after the persona for screen readers. */
export function EditPersonaButton({ persona, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-sm"
      onClick={() => onEdit(persona)}
      aria-label={t("persona.editLabel", { name: persona.name })}
    >
      <Pencil size={14} aria-hidden="true" />
      <span>{t("common.edit")}</span>
    </button>
  );
}
