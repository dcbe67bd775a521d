import { useState } from "react";
import { type EmotionSeries, MAP_STATES, type MapState, NAME_MAX } from "../../domain/journey-map.js";
import { updateEmotionSeries } from "../../domain/map-operations.js";
import type { Persona } from "../../domain/persona.js";
import { useUiText } from "../i18n/ui-text.js";
import { Popover } from "../ui/Popover.js";
import { autoCurveLabel, relabelCurve } from "./curve-label.js";
import { useEditor } from "./editor-context.js";

interface Props {
  laneId: string;
  series: EmotionSeries;
  seriesName: string;
  /** The personas the curve may belong to: the map's, plus the curve's own if it is no longer on the map. */
  personas: Persona[];
  onClose: () => void;
}

/** Label, persona and as-is/to-be state of one curve. */
export function EmotionCurveEditor({ laneId, series, seriesName, personas, onClose }: Props) {
  const { t } = useUiText();
  const { apply } = useEditor();
  const [label, setLabel] = useState(series.label);
  const [personaId, setPersonaId] = useState(series.personaId);
  const [state, setState] = useState<MapState>(series.state);

  const autoLabel = (id: string | null, curveState: MapState) =>
    autoCurveLabel(personas.find((p) => p.id === id)?.name, t(`state.${curveState}`));
  const relabel = (id: string | null, curveState: MapState) =>
    setLabel(relabelCurve(label, autoLabel(personaId, state), autoLabel(id, curveState)));

  const save = () => {
    const patch = {
      ...(label !== series.label && { label }),
      ...(personaId !== series.personaId && { personaId }),
      ...(state !== series.state && { state }),
    };
    if (Object.keys(patch).length === 0) return;
    apply((map) => updateEmotionSeries(map, { laneId, seriesId: series.id, patch }));
  };

  return (
    <Popover
      label={t("emotion.curveTitle", { label: seriesName })}
      className="curve-popover"
      onSubmit={() => {
        save();
        onClose();
      }}
      onCancel={onClose}
    >
      <label className="field popover-field">
        <span>{t("emotion.curveLabel")}</span>
        <input
          type="text"
          aria-label={t("emotion.curveLabel")}
          data-autofocus
          value={label}
          maxLength={NAME_MAX}
          onChange={(event) => setLabel(event.target.value)}
        />
      </label>
      <label className="field-compact">
        <span>{t("emotion.curvePersona")}</span>
        <select
          aria-label={t("emotion.curvePersona")}
          value={personaId ?? ""}
          onChange={(event) => {
            const id = event.target.value || null;
            relabel(id, state);
            setPersonaId(id);
          }}
        >
          <option value="">{t("emotion.curveNoPersona")}</option>
          {personas.map((persona) => (
            <option key={persona.id} value={persona.id}>
              {persona.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field-compact">
        <legend className="visually-hidden">{t("emotion.curveState")}</legend>
        <span aria-hidden="true">{t("emotion.curveState")}</span>
        <div className="segmented">
          {MAP_STATES.map((value) => (
            <label key={value} className={state === value ? "segment on" : "segment"}>
              <input
                type="radio"
                name={`curve-state-${series.id}`}
                value={value}
                checked={state === value}
                onChange={() => {
                  relabel(personaId, value);
                  setState(value);
                }}
              />
              {t(`state.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </Popover>
  );
}
