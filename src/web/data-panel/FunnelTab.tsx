import { Play } from "lucide-react";
import { useState } from "react";
import type { FunnelInterval } from "../../domain/analytics/funnel-query.js";
import type { MapFunnelAnswer } from "../../domain/analytics/map-analytics.js";
import { setPeopleFromData } from "../../domain/map-operations.js";
import { analyticsApi } from "../api/analytics-client.js";
import { useUiText } from "../i18n/ui-text.js";
import { DateRangeFields } from "./DateRangeFields.js";
import type { DataPanelProps } from "./data-panel-props.js";
import { dayRange } from "./date-range.js";
import { FunnelSteps } from "./FunnelSteps.js";
import { OverTime } from "./OverTime.js";
import { PersonaSelect } from "./PersonaSelect.js";
import { RunError } from "./RunError.js";
import { TransitionDrillDown } from "./TransitionDrillDown.js";
import { useRun } from "./use-run.js";

/** Runs the map's funnel over its bound stages and writes the counts into the metrics lane on request. */
export function FunnelTab({ map, workspaceId, personas, readOnly, apply, saveNow }: DataPanelProps) {
  const { t } = useUiText();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [personaId, setPersonaId] = useState("");
  const [period, setPeriod] = useState<FunnelInterval>("week");
  const [filled, setFilled] = useState(false);
  const funnel = useRun<MapFunnelAnswer>();
  const request = { ...(personaId && { personaId }), ...dayRange(from, to) };

  const runFunnel = () => {
    setFilled(false);
    void funnel.run(async () => {
      await saveNow();
      return analyticsApi.funnel(map.id, { ...request, interval: period });
    });
  };

  const fill = (answer: MapFunnelAnswer) => {
    const people = Object.fromEntries(
      answer.stageIds.map((stageId, index) => [stageId, answer.result.steps[index]?.people ?? 0]),
    );
    apply((current) =>
      setPeopleFromData(current, {
        people,
        computedAt: new Date().toISOString(),
        from: answer.range.from,
        to: answer.range.to,
        sources: answer.sources,
      }),
    );
    setFilled(true);
  };

  const answer = funnel.data;
  return (
    <div className="data-section-stack">
      <div className="data-controls">
        <DateRangeFields
          legend={t("data.query.entryRange")}
          from={from}
          to={to}
          onFrom={setFrom}
          onTo={setTo}
        />
        <PersonaSelect map={map} personas={personas} value={personaId} onChange={setPersonaId} />
        <label className="field">
          <span>{t("data.funnel.interval")}</span>
          <select value={period} onChange={(event) => setPeriod(event.target.value as FunnelInterval)}>
            <option value="day">{t("data.funnel.byDay")}</option>
            <option value="week">{t("data.funnel.byWeek")}</option>
          </select>
        </label>
        <button
          type="button"
          className="button button-primary run-button"
          disabled={funnel.busy}
          onClick={runFunnel}
        >
          <Play size={16} aria-hidden="true" />
          <span>{funnel.busy ? t("data.query.running") : t("data.funnel.run")}</span>
        </button>
      </div>
      <RunError error={funnel.error} field={funnel.field} />
      {answer && (
        <>
          <FunnelSteps answer={answer} />
          <div className="data-actions">
            <button
              type="button"
              className="button"
              disabled={readOnly || answer.stageIds.length === 0}
              onClick={() => fill(answer)}
            >
              {t("data.funnel.fill")}
            </button>
            {filled && (
              <span role="status" className="muted">
                {t("data.funnel.filled")}
              </span>
            )}
          </div>
          <TransitionDrillDown mapId={map.id} workspaceId={workspaceId} answer={answer} request={request} />
          {answer.result.overTime && (
            <OverTime overTime={answer.result.overTime} steps={answer.result.steps} />
          )}
        </>
      )}
    </div>
  );
}
