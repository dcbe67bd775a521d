import { Trash2 } from "lucide-react";
import { useState } from "react";
import {
  EVIDENCE_SOURCES,
  type EvidenceSource,
  METRIC_KINDS,
  type MetricKind,
  type MetricRow,
  NAME_MAX,
} from "../../domain/journey-map.js";
import { deleteMetricRow, updateMetricRow } from "../../domain/map-operations.js";
import { useUiText } from "../i18n/ui-text.js";
import { IconButton } from "../ui/IconButton.js";
import { Popover } from "../ui/Popover.js";
import { useEditor } from "./editor-context.js";

interface Props {
  laneId: string;
  row: MetricRow;
  rowName: string;
  onClose: () => void;
}

/** Name, unit, type and evidence source of one KPI row, and deleting it. */
export function MetricRowEditor({ laneId, row, rowName, onClose }: Props) {
  const { t } = useUiText();
  const { apply } = useEditor();
  const [name, setName] = useState(row.name);
  const [unit, setUnit] = useState(row.unit);
  const [kind, setKind] = useState<MetricKind>(row.kind);
  const [source, setSource] = useState<EvidenceSource>(row.source);

  const save = () => {
    const patch = {
      ...(name !== row.name && { name }),
      ...(unit !== row.unit && { unit }),
      ...(kind !== row.kind && { kind }),
      ...(source !== row.source && { source }),
    };
    if (Object.keys(patch).length === 0) return;
    apply((map) => updateMetricRow(map, { laneId, rowId: row.id, patch }));
  };

  return (
    <Popover
      label={t("metrics.rowTitle", { name: rowName })}
      className="metric-popover"
      onSubmit={() => {
        save();
        onClose();
      }}
      onCancel={onClose}
      actions={(dismiss) => (
        <IconButton
          small
          variant="danger"
          icon={Trash2}
          label={t("metrics.deleteRow", { name: rowName })}
          onClick={() => {
            if (!window.confirm(t("metrics.confirmDeleteRow", { name: rowName }))) return;
            apply((map) => deleteMetricRow(map, { laneId, rowId: row.id }));
            dismiss();
          }}
        />
      )}
    >
      <label className="field popover-field">
        <span>{t("metrics.rowName")}</span>
        <input
          type="text"
          aria-label={t("metrics.rowName")}
          data-autofocus
          value={name}
          maxLength={NAME_MAX}
          placeholder={t(`metrics.kind.${kind}`)}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field popover-field">
        <span>{t("metrics.rowUnit")}</span>
        <input
          type="text"
          aria-label={t("metrics.rowUnit")}
          value={unit}
          maxLength={40}
          placeholder={t("metrics.rowUnitPlaceholder")}
          onChange={(event) => setUnit(event.target.value)}
        />
      </label>
      <label className="field-compact">
        <span>{t("metrics.rowKind")}</span>
        <select
          aria-label={t("metrics.rowKind")}
          value={kind}
          onChange={(event) => setKind(event.target.value as MetricKind)}
        >
          {METRIC_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`metrics.kind.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-compact">
        <span>{t("metrics.rowSource")}</span>
        <select
          aria-label={t("metrics.rowSource")}
          value={source}
          onChange={(event) => setSource(event.target.value as EvidenceSource)}
        >
          {EVIDENCE_SOURCES.map((value) => (
            <option key={value} value={value}>
              {t(`evidence.source.${value}`)}
            </option>
          ))}
        </select>
      </label>
    </Popover>
  );
}
