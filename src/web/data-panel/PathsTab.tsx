import { Play } from "lucide-react";
import { useState } from "react";
import type { MapPathsAnswer } from "../../domain/analytics/map-analytics.js";
import { analyticsApi } from "../api/analytics-client.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import type { DataPanelProps } from "./data-panel-props.js";
import { PathsFlow } from "./PathsFlow.js";
import { PersonaSelect } from "./PersonaSelect.js";
import { RunError } from "./RunError.js";
import { TransitionMatrix } from "./TransitionMatrix.js";
import { useRun } from "./use-run.js";

type Unit = "person" | "session";

/** The non-linear view: how people really move between the stages, back moves included. */
export function PathsTab({ map, personas, saveNow }: DataPanelProps) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const [personaId, setPersonaId] = useState("");
  const [unit, setUnit] = useState<Unit>("person");
  const paths = useRun<MapPathsAnswer>();

  const run = () =>
    void paths.run(async () => {
      await saveNow();
      return analyticsApi.paths(map.id, { ...(personaId && { personaId }), unit, top: 10 });
    });
  const result = paths.data?.result;

  return (
    <div className="data-section-stack">
      <div className="data-controls">
        <PersonaSelect map={map} personas={personas} value={personaId} onChange={setPersonaId} />
        <label className="field">
          <span>{t("data.settings.unit")}</span>
          <select value={unit} onChange={(event) => setUnit(event.target.value as Unit)}>
            <option value="person">{t("data.settings.units.person")}</option>
            <option value="session">{t("data.settings.units.session")}</option>
          </select>
        </label>
        <button
          type="button"
          className="button button-primary run-button"
          disabled={paths.busy}
          onClick={run}
        >
          <Play size={16} aria-hidden="true" />
          <span>{paths.busy ? t("data.query.running") : t("data.paths.run")}</span>
        </button>
      </div>
      <RunError error={paths.error} field={paths.field} />
      {result && (
        <>
          <p className="muted">
            {t("data.paths.summary", {
              people: number.format(result.people),
              back: number.format(result.backMoves.people),
            })}
          </p>
          <PathsFlow result={result} />
          <TransitionMatrix result={result} />
          <section className="data-section" aria-label={t("data.paths.top")}>
            <h3>{t("data.paths.top")}</h3>
            {result.topPaths.length === 0 ? (
              <p className="muted">{t("data.paths.none")}</p>
            ) : (
              <ol className="top-paths">
                {result.topPaths.map((path) => (
                  <li key={path.stages.join("-")}>
                    <span className="path-names">{path.names.join(" → ")}</span>
                    <span className="muted">{number.format(path.people)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
