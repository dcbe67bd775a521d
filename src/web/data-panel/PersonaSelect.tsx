import type { JourneyMap } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  map: JourneyMap;
  personas: Persona[];
  value: string;
  onChange: (personaId: string) => void;
}

/** Everyone, or only the segment of one of the map's personas. */
export function PersonaSelect({ map, personas, value, onChange }: Props) {
  const { t } = useUiText();
  const mapPersonas = personas.filter((persona) => map.personaIds.includes(persona.id));
  return (
    <label className="field">
      <span>{t("data.query.persona")}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("data.query.everyone")}</option>
        {mapPersonas.map((persona) => (
          <option key={persona.id} value={persona.id}>
            {persona.segmentRule.length
              ? t("data.query.personaSegment", { name: persona.name })
              : t("data.query.personaNoSegment", { name: persona.name })}
          </option>
        ))}
      </select>
    </label>
  );
}
