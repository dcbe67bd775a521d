import { useId } from "react";
import type { JourneyMap } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import { useUiText } from "../i18n/ui-text.js";
import type { MapEdit } from "../map-editor/use-map-document.js";
import { FunnelSettingsEditor } from "./FunnelSettingsEditor.js";
import { PersonaSegment } from "./PersonaSegment.js";
import { StageBinding } from "./StageBinding.js";
import type { EventSummaryState } from "./use-event-summary.js";
import { useProperties } from "./use-properties.js";

interface Props {
  map: JourneyMap;
  workspaceId: string;
  summary: EventSummaryState;
  personas: Persona[];
  savePersona: (persona: Persona) => Promise<unknown>;
  readOnly: boolean;
  apply: (edit: MapEdit) => void;
}

/** Which events mean "reached this stage", per stage, and how the map's funnel counts them. */
export function BindingTab({ map, workspaceId, summary, personas, savePersona, readOnly, apply }: Props) {
  const { t } = useUiText();
  const eventListId = useId();
  const properties = useProperties(workspaceId);
  const bound = map.stages.filter((stage) => stage.matchers.length > 0).length;

  return (
    <div className="data-section-stack">
      <p className="muted">{t("data.binding.intro", { bound, count: map.stages.length })}</p>
      {summary.error && (
        <p className="alert alert-error" role="alert">
          {t("data.binding.noEventNames", { message: summary.error })}
        </p>
      )}
      <datalist id={eventListId}>
        {summary.summary?.eventNames.map((name) => (
          <option key={name.event} value={name.event}>
            {t("data.binding.eventPeople", { count: name.people })}
          </option>
        ))}
      </datalist>
      {map.stages.map((stage, index) => (
        <StageBinding
          key={stage.id}
          stage={stage}
          position={index + 1}
          eventListId={eventListId}
          properties={properties}
          readOnly={readOnly}
          apply={apply}
        />
      ))}
      <FunnelSettingsEditor settings={map.funnelSettings} readOnly={readOnly} apply={apply} />
      {personas
        .filter((persona) => map.personaIds.includes(persona.id))
        .map((persona) => (
          <PersonaSegment
            key={persona.id}
            persona={persona}
            properties={properties}
            readOnly={readOnly}
            savePersona={savePersona}
          />
        ))}
    </div>
  );
}
