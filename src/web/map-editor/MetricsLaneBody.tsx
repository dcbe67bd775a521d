import { memo } from "react";
import type { FunnelAnalysis } from "../../domain/funnel.js";
import type { MetricsLane, Stage } from "../../domain/journey-map.js";
import { setMetricValue, setTargetConversion } from "../../domain/map-operations.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { EvidenceBadge } from "./EvidenceBadge.js";
import { useEditor } from "./editor-context.js";
import { STAGE_WIDTH } from "./grid-size.js";
import { NumberField } from "./NumberField.js";
import { TransitionChip } from "./TransitionChip.js";

interface Props {
  lane: MetricsLane;
  stages: Stage[];
  funnel: FunnelAnalysis;
}

/** KPI rows with editable values; the people row also shows conversions, losses and targets between stages. */
export const MetricsLaneBody = memo(function MetricsLaneBody({ lane, stages, funnel }: Props) {
  const { t, lang } = useUiText();
  const { apply, readOnly } = useEditor();
  const number = numberFormat(lang);
  const width = stages.length * STAGE_WIDTH;
  const key = funnel.keyBarrier;

  return (
    <div className="lane-body metrics-body" style={{ width }}>
      {lane.rows.map((row) => {
        const isFunnelRow = row.id === funnel.rowId;
        return (
          <div key={row.id} className="metric-block">
            <div className="metric-caption">
              <span className="metric-name">{row.name || t(`metrics.kind.${row.kind}`)}</span>
              {row.unit && <span className="muted">({row.unit})</span>}
              <EvidenceBadge source={row.source} />
              {isFunnelRow && key && key.conversion !== null && (
                <span className="metric-summary" role="status">
                  {t("metrics.keyBarrierSummary", {
                    from: key.fromName,
                    to: key.toName,
                    conversion: number.format(key.conversion),
                    lost: number.format(key.lost),
                  })}
                </span>
              )}
            </div>
            <div className="metric-row">
              {stages.map((stage) => (
                <div key={stage.id} className="cell metric-cell">
                  <NumberField
                    value={row.values[stage.id]}
                    label={
                      isFunnelRow
                        ? t("metrics.peopleAt", { stage: stage.name })
                        : t("metrics.valueAt", {
                            row: row.name || t(`metrics.kind.${row.kind}`),
                            stage: stage.name,
                          })
                    }
                    readOnly={readOnly}
                    className="metric-value"
                    format={(value) => number.format(value)}
                    placeholder="—"
                    suffix={row.unit || undefined}
                    onCommit={(value) =>
                      apply((map) =>
                        setMetricValue(map, { laneId: lane.id, rowId: row.id, stageId: stage.id, value }),
                      )
                    }
                  />
                </div>
              ))}
            </div>
            {isFunnelRow && (
              <div className="metric-row transition-row">
                {stages.map((stage) => {
                  const transition = funnel.transitions.find((tr) => tr.toStageId === stage.id);
                  return (
                    <div key={stage.id} className="cell transition-cell">
                      {transition && (
                        <TransitionChip
                          transition={transition}
                          isKeyBarrier={transition.toStageId === funnel.keyBarrier?.toStageId}
                          isFurthestBelowTarget={transition.toStageId === funnel.belowTarget?.toStageId}
                        />
                      )}
                    </div>
                  );
                })}
              </div>
            )}
            {isFunnelRow && (
              <div className="metric-row target-row">
                {stages.map((stage, index) => (
                  <div key={stage.id} className="cell target-cell">
                    {index > 0 && (
                      <div className="target-field">
                        <span aria-hidden="true">{t("metrics.target")}</span>
                        <NumberField
                          value={row.targets[stage.id]}
                          label={t("metrics.targetInto", { stage: stage.name })}
                          readOnly={readOnly}
                          placeholder="—"
                          suffix="%"
                          onCommit={(target) =>
                            apply((map) =>
                              setTargetConversion(map, {
                                laneId: lane.id,
                                rowId: row.id,
                                stageId: stage.id,
                                target,
                              }),
                            )
                          }
                        />
                      </div>
                    )}
                  </div>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
});
