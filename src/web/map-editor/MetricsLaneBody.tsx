import { Pencil, Plus } from "lucide-react";
import { memo, useState } from "react";
import type { FunnelAnalysis } from "../../domain/funnel.js";
import { newId } from "../../domain/ids.js";
import type { MetricKind, MetricsLane, Stage } from "../../domain/journey-map.js";
import { addMetricRow, setMetricValue, setTargetConversion } from "../../domain/map-operations.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { IconButton } from "../ui/IconButton.js";
import { MenuButton, type MenuItem } from "../ui/MenuButton.js";
import { EvidenceBadge } from "./EvidenceBadge.js";
import { useEditor } from "./editor-context.js";
import { FromDataNote } from "./FromDataNote.js";
import { STAGE_WIDTH } from "./grid-size.js";
import { MetricRowEditor } from "./MetricRowEditor.js";
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
  const [editingRowId, setEditingRowId] = useState<string | null>(null);

  const addRow = (kind: MetricKind, name: string, unit: string) => {
    const id = newId();
    apply((map) => addMetricRow(map, { laneId: lane.id, kind, id, name, unit }));
    setEditingRowId(id);
  };
  const addItems: MenuItem[] = [
    ...(lane.rows.some((row) => row.kind === "people")
      ? []
      : [{ id: "people", label: t("metrics.addPeople"), onSelect: () => addRow("people", "", "") }]),
    { id: "nps", label: t("metrics.addNps"), onSelect: () => addRow("nps", "NPS", "") },
    { id: "csat", label: t("metrics.addCsat"), onSelect: () => addRow("csat", "CSAT", "%") },
    {
      id: "custom",
      label: t("metrics.addCustom"),
      onSelect: () => addRow("custom", t("metrics.newCustomName"), ""),
    },
  ];

  return (
    <div className="lane-body metrics-body" style={{ width }}>
      {lane.rows.map((row) => {
        const isFunnelRow = row.id === funnel.rowId;
        const rowName = row.name || t(`metrics.kind.${row.kind}`);
        const editing = editingRowId === row.id && !readOnly;
        return (
          <div key={row.id} className="metric-block">
            <div className={editing ? "metric-caption editing" : "metric-caption"}>
              <span className="metric-name">{rowName}</span>
              {row.unit && <span className="muted">({row.unit})</span>}
              <EvidenceBadge source={row.source} />
              {row.fromData && <FromDataNote fromData={row.fromData} />}
              {!readOnly && (
                <IconButton
                  small
                  className="metric-edit"
                  icon={Pencil}
                  iconSize={13}
                  label={t("metrics.editRow", { name: rowName })}
                  aria-haspopup="dialog"
                  aria-expanded={editing}
                  onClick={() => setEditingRowId(row.id)}
                />
              )}
              {editing && (
                <MetricRowEditor
                  laneId={lane.id}
                  row={row}
                  rowName={rowName}
                  onClose={() => setEditingRowId(null)}
                />
              )}
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
                        : t("metrics.valueAt", { row: rowName, stage: stage.name })
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
      {!readOnly && (
        <div className="metric-add">
          <MenuButton
            label={t("metrics.addRow")}
            icon={<Plus size={12} aria-hidden="true" />}
            className="legend-add"
            items={addItems}
          />
        </div>
      )}
    </div>
  );
});
