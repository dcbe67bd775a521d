import { Plus, X } from "lucide-react";
import { memo, useMemo, useRef, useState } from "react";
import type { EmotionLane, EmotionSeries, Stage } from "../../domain/journey-map.js";
import { addEmotionSeries, deleteEmotionSeries, setEmotionPoint } from "../../domain/map-operations.js";
import type { Persona } from "../../domain/persona.js";
import { useUiText } from "../i18n/ui-text.js";
import { MenuButton, type MenuItem } from "../ui/MenuButton.js";
import { autoCurveLabel } from "./curve-label.js";
import { EmotionCurveEditor } from "./EmotionCurveEditor.js";
import { EmotionPointEditor } from "./EmotionPointEditor.js";
import { EmotionPointHandle } from "./EmotionPointHandle.js";
import { useEditor } from "./editor-context.js";
import { type Point, type Scale, scoreToY, smoothPath, yToScore } from "./emotion-geometry.js";
import { EMOTION_HEIGHT, EMOTION_PADDING, STAGE_WIDTH } from "./grid-size.js";
import { seriesColour } from "./series-colour.js";

interface Props {
  lane: EmotionLane;
  stages: Stage[];
  /** Every persona of the workspace (a curve keeps its persona's colour even if it left the map). */
  personas: Persona[];
  /** The personas on this map: the ones a curve may be given. */
  mapPersonaIds: string[];
}

interface PointAt {
  seriesId: string;
  stageId: string;
}

interface Drag {
  seriesId: string;
  stageId: string;
  score: number;
}

const SCALE: Scale = { height: EMOTION_HEIGHT, padding: EMOTION_PADDING };
const GUIDES = [2, 1, 0, -1, -2];
const SCALE_MARKS: Array<[number, string]> = [
  [2, "+2"],
  [0, "0"],
  [-2, "−2"],
];

/** One smooth curve per series (to-be dashed); points drag with the mouse and step with arrow keys. */
export const EmotionLaneBody = memo(function EmotionLaneBody({
  lane,
  stages,
  personas,
  mapPersonaIds,
}: Props) {
  const { t } = useUiText();
  const { apply, readOnly } = useEditor();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [editingPoint, setEditingPoint] = useState<PointAt | null>(null);
  const [editingCurveId, setEditingCurveId] = useState<string | null>(null);
  const mapPersonas = useMemo(
    () => mapPersonaIds.flatMap((id) => personas.filter((persona) => persona.id === id)),
    [mapPersonaIds, personas],
  );
  const nameOf = (series: EmotionSeries) => series.label || t(`state.${series.state}`);
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
        apply((map) =>
          addEmotionSeries(map, {
            laneId: lane.id,
            state,
            label: autoCurveLabel(undefined, t(`state.${state}`)),
          }),
        ),
    })),
    ...mapPersonas.flatMap((persona) =>
      (["as-is", "to-be"] as const).map((state) => ({
        id: `${persona.id}-${state}`,
        label: autoCurveLabel(persona.name, t(`state.${state}`)),
        onSelect: () =>
          apply((map) =>
            addEmotionSeries(map, {
              laneId: lane.id,
              state,
              personaId: persona.id,
              label: autoCurveLabel(persona.name, t(`state.${state}`)),
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
            {readOnly ? (
              <span>{nameOf(series)}</span>
            ) : (
              <button
                type="button"
                className="legend-label"
                aria-label={t("emotion.editCurve", { label: nameOf(series) })}
                aria-haspopup="dialog"
                aria-expanded={editingCurveId === series.id}
                onClick={() => setEditingCurveId(series.id)}
              >
                {nameOf(series)}
              </button>
            )}
            {editingCurveId === series.id && !readOnly && (
              <EmotionCurveEditor
                laneId={lane.id}
                series={series}
                seriesName={nameOf(series)}
                personas={curvePersonas(mapPersonas, personas, series.personaId)}
                onClose={() => setEditingCurveId(null)}
              />
            )}
            {!readOnly && lane.series.length > 1 && (
              <button
                type="button"
                className="legend-remove"
                aria-label={t("emotion.deleteCurve", { label: nameOf(series) })}
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
      <div className="emotion-chart-wrap">
        {/* Outside the SVG so the scale stays in view while the board scrolls sideways. */}
        <div className="emotion-scale" aria-hidden="true">
          {SCALE_MARKS.map(([score, text]) => (
            <span key={score} style={{ top: scoreToY(score, SCALE) }}>
              {text}
            </span>
          ))}
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
            const label = nameOf(series);
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
                    onDragMove={(clientY) =>
                      setDrag({ seriesId: series.id, stageId: stage.id, score: scoreAtPointer(clientY) })
                    }
                    onDragEnd={(clientY) => {
                      setDrag(null);
                      setPoint(series.id, stage.id, scoreAtPointer(clientY));
                    }}
                    onDragCancel={() => setDrag(null)}
                    onOpen={() => setEditingPoint({ seriesId: series.id, stageId: stage.id })}
                  />
                ))}
              </g>
            );
          })}
        </svg>
        {editingPoint && !readOnly && renderPointEditor(editingPoint)}
      </div>
    </div>
  );

  function renderPointEditor(at: PointAt) {
    const series = lane.series.find((s) => s.id === at.seriesId);
    const index = stages.findIndex((s) => s.id === at.stageId);
    const stage = stages[index];
    if (!series || !stage) return null;
    return (
      <EmotionPointEditor
        key={`${at.seriesId}:${at.stageId}`}
        laneId={lane.id}
        series={series}
        seriesName={nameOf(series)}
        stage={stage}
        x={xOf(index)}
        y={scoreToY(series.points[stage.id]?.score ?? 0, SCALE)}
        chartWidth={width}
        onClose={() => setEditingPoint(null)}
      />
    );
  }
});

/** The map's personas, plus the curve's own persona if it has since been taken off the map. */
function curvePersonas(mapPersonas: Persona[], all: Persona[], personaId: string | null): Persona[] {
  if (!personaId || mapPersonas.some((p) => p.id === personaId)) return mapPersonas;
  const own = all.find((p) => p.id === personaId);
  return own ? [...mapPersonas, own] : mapPersonas;
}
