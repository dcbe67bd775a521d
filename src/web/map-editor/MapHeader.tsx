import { CalendarCheck, TriangleAlert, UserRoundPlus } from "lucide-react";
import { memo } from "react";
import { type JourneyMap, MAP_STATES } from "../../domain/journey-map.js";
import { updateMapInfo } from "../../domain/map-operations.js";
import type { Persona } from "../../domain/persona.js";
import { isReviewOverdue, markReviewed } from "../../domain/review.js";
import { useUiText } from "../i18n/ui-text.js";
import { PersonaAvatar } from "../personas/PersonaAvatar.js";
import { InlineText } from "../ui/InlineText.js";
import { useEditor } from "./editor-context.js";

interface Props {
  map: JourneyMap;
  personas: Persona[];
  /** Absent in the shared view, which has no persona panel to open. */
  onOpenPersonas?: () => void;
}

/** Title, description, personas, segment, as-is/to-be state and the yearly review reminder. */
export const MapHeader = memo(function MapHeader({ map, personas, onOpenPersonas }: Props) {
  const { t, lang } = useUiText();
  const { apply, readOnly } = useEditor();
  const mapPersonas = map.personaIds.flatMap((id) => personas.filter((persona) => persona.id === id));
  const overdue = isReviewOverdue(map, new Date());
  const reviewed = map.lastReviewedAt
    ? new Date(map.lastReviewedAt).toLocaleDateString(lang, {
        day: "numeric",
        month: "long",
        year: "numeric",
      })
    : null;

  return (
    <div className="map-header">
      <div className="map-header-main">
        <InlineText
          value={map.title}
          label={t("map.title")}
          className="inline-text map-title"
          readOnly={readOnly}
          maxLength={200}
          onCommit={(title) => apply((current) => updateMapInfo(current, { title }))}
        />
        <InlineText
          value={map.description}
          label={t("map.description")}
          placeholder={t("map.descriptionPlaceholder")}
          className="inline-text map-description"
          multiline
          readOnly={readOnly}
          onCommit={(description) => apply((current) => updateMapInfo(current, { description }))}
        />
      </div>
      <dl className="map-facts">
        <div className="map-fact">
          <dt>{t("map.personas")}</dt>
          <dd className="persona-chips">
            {mapPersonas.map((persona) => (
              <span key={persona.id} className="persona-chip">
                <PersonaAvatar persona={persona} size="sm" />
                {persona.name}
              </span>
            ))}
            {onOpenPersonas && (
              <button type="button" className="button button-sm" onClick={onOpenPersonas}>
                <UserRoundPlus size={14} aria-hidden="true" />
                <span>{mapPersonas.length ? t("map.managePersonas") : t("map.addPersona")}</span>
              </button>
            )}
          </dd>
        </div>
        <div className="map-fact">
          <dt>{t("map.segment")}</dt>
          <dd>
            <InlineText
              value={map.segment}
              label={t("map.segment")}
              placeholder={t("map.segmentPlaceholder")}
              className="inline-text fact-input"
              readOnly={readOnly}
              onCommit={(segment) => apply((current) => updateMapInfo(current, { segment }))}
            />
          </dd>
        </div>
        <div className="map-fact">
          <dt>{t("map.state")}</dt>
          <dd>
            <fieldset className="segmented">
              <legend className="visually-hidden">{t("map.state")}</legend>
              {MAP_STATES.map((state) => (
                <label key={state} className={map.state === state ? "segment on" : "segment"}>
                  <input
                    type="radio"
                    name={`state-${map.id}`}
                    value={state}
                    checked={map.state === state}
                    disabled={readOnly}
                    onChange={() => apply((current) => updateMapInfo(current, { state }))}
                  />
                  {t(`state.${state}`)}
                </label>
              ))}
            </fieldset>
          </dd>
        </div>
        <div className="map-fact">
          <dt>{t("review.lastReviewed")}</dt>
          <dd className="review-fact">
            <span className={overdue ? "review-date overdue" : "review-date"}>
              {overdue && <TriangleAlert size={14} aria-hidden="true" />}
              {reviewed ?? t("review.never")}
            </span>
            {!readOnly && (
              <button
                type="button"
                className="button button-sm"
                onClick={() => apply((current) => markReviewed(current, new Date()))}
              >
                <CalendarCheck size={14} aria-hidden="true" />
                <span>{t("review.mark")}</span>
              </button>
            )}
          </dd>
        </div>
      </dl>
      {overdue && (
        <p className="review-warning" role="alert">
          <TriangleAlert size={16} aria-hidden="true" />
          {t("review.overdue")}
        </p>
      )}
    </div>
  );
});
