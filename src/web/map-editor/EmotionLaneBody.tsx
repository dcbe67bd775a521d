import { Plus, X } from "lucide-react";
import { memo, useRef, useState } from "react";
import type { EmotionLane, Stage } from "../../domain/journey-map.js";
import { addEmotionSeries, deleteEmotionSeries, setEmotionPoint } from "../../domain/map-operations.js";
import type { Persona } from "../../domain/persona.js";
import { useUiText } from "../i18n/ui-text.js";
import { MenuButton, type MenuItem } from "../ui/MenuButton.js";
import { EmotionPointHandle } from "./EmotionPointHandle.js";
import { useEditor } from "./editor-context.js";
import { type Point, type Scale, scoreToY, smoothPath, yToScore } from "./emotion-geometry.js";
import { EMOTION_HEIGHT, EMOTION_PADDING, STAGE_WIDTH } from "./grid-size.js";
import { seriesColour } from "./series-colour.js";

interface Props {
  lane: EmotionLane;
  stages: Stage[];
  personas: Persona[];
}

interface Drag {
  seriesId: string;
  stageId: string;
  score: number;
}

const SCALE: Scale = { height: EMOTION_HEIGHT, padding: EMOTION_PADDING };
const GUIDES = [2, 1, 0, -1, -2];

/** One smooth curve per series (to-be dashed); points drag with the mouse and step with arrow keys. */
export const EmotionLaneBody = memo(function EmotionLaneBody({ lane, stages, personas }: Props) {
  const { t } = useUiText();
  const { apply, readOnly } = useEditor();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const width = stages.length * STAGE_WIDTH;
  const xOf = (index: number) => index * STAGE_WIDTH + STAGE_WIDTH / 2;

  const setPoint = (seriesId: string, stageId: string, score: number) =>
    apply((map) => setEmotionPoint(map, { laneId: lane.id, seriesId, stageId, score }));

  const scoreAtPointer = (clientY: number) => {
    const box = svgRef.current?.getBoundingClientRect();
    return box ? yToScore(clientY - box.top, SCALE) : 0;
  };

  const addCurveItems: MenuItem[] = [
    ...(["as-is", "to-be"] as const).map((state) => ({
      id: state,
      label: t(`state.${state}`),
      onSelect: () =>
        apply((map) => addEmotionSeries(map, { laneId: lane.id, state, label: t(`state.${state}`) })),
    })),
    ...personas.flatMap((persona) =>
      (["as-is", "to-be"] as const).map((state) => ({
        id: `${persona.id}-${state}`,
        label: `${persona.name} · ${t(`state.${state}`)}`,
        onSelect: () =>
          apply((map) =>
            addEmotionSeries(map, {
              laneId: lane.id,
              state,
              personaId: persona.id,
              label: `${persona.name} · ${t(`state.${state}`)}`,
            }),
          ),
      })),
    ),
  ];

  return (
    <div className="lane-body emotion-body" style={{ width }}>
      <div className="emotion-legend">
        {lane.series.map((series, index) => (
          <span key={series.id} className="legend-item">
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="1"
                y1="4"
                x2="21"
                y2="4"
                stroke={seriesColour(series, index, personas)}
                strokeWidth="2.5"
                strokeDasharray={series.state === "to-be" ? "4 3" : undefined}
                strokeLinecap="round"
              />
            </svg>
            <span>{series.label || t(`state.${series.state}`)}</span>
            {!readOnly && lane.series.length > 1 && (
              <button
                type="button"
                className="legend-remove"
                aria-label={t("emotion.deleteCurve", { label: series.label || t(`state.${series.state}`) })}
                onClick={() =>
                  apply((map) => deleteEmotionSeries(map, { laneId: lane.id, seriesId: series.id }))
                }
              >
                <X size={12} aria-hidden="true" />
              </button>
            )}
          </span>
        ))}
        {!readOnly && (
          <MenuButton
            label={t("emotion.addCurve")}
            icon={<Plus size={12} aria-hidden="true" />}
            className="legend-add"
            items={addCurveItems}
          />
        )}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; "group" keeps its sliders reachable */}
      <svg
        ref={svgRef}
        className="emotion-chart"
        width={width}
        height={EMOTION_HEIGHT}
        role="group"
        aria-label={t("emotion.chartLabel", { title: lane.title })}
      >
        {GUIDES.map((score) => (
          <line
            key={score}
            className={score === 0 ? "guide guide-zero" : "guide"}
            x1={0}
            x2={width}
            y1={scoreToY(score, SCALE)}
            y2={scoreToY(score, SCALE)}
          />
        ))}
        {stages.map((stage, index) => (
          <line
            key={stage.id}
            className="guide guide-column"
            x1={xOf(index)}
            x2={xOf(index)}
            y1={EMOTION_PADDING - 8}
            y2={EMOTION_HEIGHT - EMOTION_PADDING + 8}
          />
        ))}
        <text className="scale-label" x={6} y={scoreToY(2, SCALE) + 4}>
          +2
        </text>
        <text className="scale-label" x={6} y={scoreToY(0, SCALE) + 4}>
          0
        </text>
        <text className="scale-label" x={6} y={scoreToY(-2, SCALE) + 4}>
          −2
        </text>
        {lane.series.map((series, seriesIndex) => {
          const colour = seriesColour(series, seriesIndex, personas);
          const scoreAt = (stageId: string) =>
            drag && drag.seriesId === series.id && drag.stageId === stageId
              ? drag.score
              : series.points[stageId]?.score;
          const points: Point[] = stages.flatMap((stage, index) => {
            const score = scoreAt(stage.id);
            return score === undefined ? [] : [{ x: xOf(index), y: scoreToY(score, SCALE) }];
          });
          const label = series.label || t(`state.${series.state}`);
          return (
            <g key={series.id}>
              <path
                d={smoothPath(points)}
                className="emotion-curve"
                stroke={colour}
                strokeDasharray={series.state === "to-be" ? "7 6" : undefined}
              />
              {stages.map((stage, index) => (
                <EmotionPointHandle
                  key={stage.id}
                  x={xOf(index)}
                  score={scoreAt(stage.id)}
                  pointLabel={series.points[stage.id]?.label ?? ""}
                  colour={colour}
                  name={t("emotion.pointLabel", { series: label, stage: stage.name })}
                  readOnly={readOnly}
                  scale={SCALE}
                  onStep={(score) => setPoint(series.id, stage.id, score)}
                  onDragStart={(clientY) =>
                    setDrag({ seriesId: series.id, stageId: stage.id, score: scoreAtPointer(clientY) })
                  }
                  onDragMove={(clientY) =>
                    setDrag({ seriesId: series.id, stageId: stage.id, score: scoreAtPointer(clientY) })
                  }
                  onDragEnd={(clientY) => {
                    setDrag(null);
                    setPoint(series.id, stage.id, scoreAtPointer(clientY));
                  }}
                />
              ))}
            </g>
          );
        })}
      </svg>
    </div>
  );
});
