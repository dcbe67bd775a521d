import { Eraser } from "lucide-react";
import { useState } from "react";
import {
  EMOTION_MAX,
  EMOTION_MIN,
  type EmotionSeries,
  NAME_MAX,
  type Stage,
} from "../../domain/journey-map.js";
import { clearEmotionPoint, setEmotionPoint } from "../../domain/map-operations.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { Popover } from "../ui/Popover.js";
import { useEditor } from "./editor-context.js";

interface Props {
  laneId: string;
  series: EmotionSeries;
  seriesName: string;
  stage: Stage;
  /** Where the point is drawn, in chart pixels, and how wide the chart is (to keep the popover inside). */
  x: number;
  y: number;
  chartWidth: number;
  onClose: () => void;
}

const POPOVER_WIDTH = 260;
const SCORES = Array.from({ length: (EMOTION_MAX - EMOTION_MIN) * 2 + 1 }, (_, i) => EMOTION_MAX - i / 2);

/** Score and label of one point of a curve. */
export function EmotionPointEditor({ laneId, series, seriesName, stage, x, y, chartWidth, onClose }: Props) {
  const { t, lang } = useUiText();
  const { apply } = useEditor();
  const point = series.points[stage.id];
  const [score, setScore] = useState(point?.score ?? 0);
  const [label, setLabel] = useState(point?.label ?? "");
  const number = numberFormat(lang);
  const left = Math.max(0, Math.min(x - POPOVER_WIDTH / 2, chartWidth - POPOVER_WIDTH));

  const save = () => {
    if (point && point.score === score && point.label === label) return;
    apply((map) => setEmotionPoint(map, { laneId, seriesId: series.id, stageId: stage.id, score, label }));
  };

  return (
    <Popover
      label={t("emotion.editPoint", { series: seriesName, stage: stage.name })}
      className="point-popover"
      style={{ left, top: y + 18, width: POPOVER_WIDTH }}
      onSubmit={() => {
        save();
        onClose();
      }}
      onCancel={onClose}
      actions={(dismiss) =>
        point && (
          <button
            type="button"
            className="button button-sm button-ghost"
            onClick={() => {
              apply((map) => clearEmotionPoint(map, { laneId, seriesId: series.id, stageId: stage.id }));
              dismiss();
            }}
          >
            <Eraser size={14} aria-hidden="true" />
            <span>{t("emotion.clearPoint")}</span>
          </button>
        )
      }
    >
      <label className="field-compact">
        <span>{t("emotion.score")}</span>
        <select
          aria-label={t("emotion.score")}
          value={score}
          onChange={(event) => setScore(Number(event.target.value))}
        >
          {SCORES.map((value) => (
            <option key={value} value={value}>
              {value > 0 ? `+${number.format(value)}` : value < 0 ? `−${number.format(-value)}` : "0"}
            </option>
          ))}
        </select>
      </label>
      <label className="field popover-field">
        <span>{t("emotion.pointText")}</span>
        <input
          type="text"
          aria-label={t("emotion.pointText")}
          data-autofocus
          value={label}
          maxLength={NAME_MAX}
          placeholder={t("emotion.pointTextPlaceholder")}
          onChange={(event) => setLabel(event.target.value)}
        />
      </label>
    </Popover>
  );
}
