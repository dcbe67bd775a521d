import { useEffect, useId, useState } from "react";
import type {
  MapFunnelAnswer,
  MapFunnelRequest,
  MapPathsAnswer,
} from "../../domain/analytics/map-analytics.js";
import { analyticsApi } from "../api/analytics-client.js";
import { useUiText } from "../i18n/ui-text.js";
import { Breakdown } from "./Breakdown.js";
import { DropOffs } from "./DropOffs.js";
import { TimeToConvert } from "./TimeToConvert.js";
import { useRun } from "./use-run.js";

interface Props {
  mapId: string;
  workspaceId: string;
  answer: MapFunnelAnswer;
  request: Omit<MapFunnelRequest, "breakdown" | "interval">;
}

/** One transition up close: how long people take, who converts by a property, what the others did. */
export function TransitionDrillDown({ mapId, workspaceId, answer, request }: Props) {
  const { t } = useUiText();
  const selectId = useId();
  const steps = answer.result.steps;
  const barrier = answer.result.keyBarrier.largestLoss;
  const [fromStep, setFromStep] = useState(barrier?.fromStep ?? 1);
  const paths = useRun<MapPathsAnswer>();
  const { run: runPaths } = paths;
  const personaId = request.personaId;

  // What dropped people did next comes from the paths query; one run serves every transition.
  useEffect(() => {
    void runPaths(() => analyticsApi.paths(mapId, { ...(personaId && { personaId }) }));
  }, [runPaths, mapId, personaId]);

  if (steps.length < 2) return null;
  const from = steps[fromStep - 1];
  const to = steps[fromStep];
  const timing = answer.result.timeToConvert.find((entry) => entry.fromStep === fromStep);

  return (
    <section className="data-section drill-down" aria-labelledby={`${selectId}-title`}>
      <div className="data-section-head">
        <h3 id={`${selectId}-title`}>{t("data.drill.title")}</h3>
        <label className="field-inline" htmlFor={selectId}>
          <span>{t("data.drill.transition")}</span>
          <select
            id={selectId}
            value={fromStep}
            onChange={(event) => setFromStep(Number(event.target.value))}
          >
            {steps.slice(0, -1).map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a transition is known by its position
              <option key={`${step.name}-${index + 1}`} value={index + 1}>
                {step.name} → {steps[index + 1]?.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {timing ? <TimeToConvert timing={timing} /> : <p className="muted">{t("data.drill.noTiming")}</p>}
      <Breakdown
        mapId={mapId}
        workspaceId={workspaceId}
        request={request}
        fromStep={fromStep}
        names={[from?.name ?? "", to?.name ?? ""]}
      />
      <DropOffs paths={paths} stage={fromStep} stageName={from?.name ?? ""} />
    </section>
  );
}
