import { EMOTION_MAX, EMOTION_MIN } from "../../domain/journey-map.js";
import { useUiText } from "../i18n/ui-text.js";
import { type Scale, scoreToY } from "./emotion-geometry.js";

interface Props {
  x: number;
  /** undefined: no point yet, drawn hollow on the neutral line. */
  score: number | undefined;
  pointLabel: string;
  colour: string;
  name: string;
  readOnly: boolean;
  scale: Scale;
  onStep: (score: number) => void;
  onDragStart: (clientY: number) => void;
  onDragMove: (clientY: number) => void;
  onDragEnd: (clientY: number) => void;
}

const STEP = 0.5;

/** An ARIA slider drawn as a dot: ↑/↓ step by 0.5, Home/End jump to the ends, the mouse drags it. */
export function EmotionPointHandle(props: Props) {
  const { t } = useUiText();
  const { x, score, colour, readOnly, scale } = props;
  const y = scoreToY(score ?? 0, scale);
  const current = score ?? 0;

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (readOnly) return;
    const next =
      event.key === "ArrowUp" || event.key === "ArrowRight"
        ? current + STEP
        : event.key === "ArrowDown" || event.key === "ArrowLeft"
          ? current - STEP
          : event.key === "Home"
            ? EMOTION_MAX
            : event.key === "End"
              ? EMOTION_MIN
              : null;
    if (next === null) return;
    event.preventDefault();
    props.onStep(Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, next)));
  };

  return (
    <g
      className={score === undefined ? "emotion-point empty" : "emotion-point"}
      role="slider"
      tabIndex={0}
      aria-label={props.name}
      aria-valuemin={EMOTION_MIN}
      aria-valuemax={EMOTION_MAX}
      aria-valuenow={score}
      aria-valuetext={score === undefined ? t("emotion.noPoint") : t("emotion.valueText", { score: current })}
      aria-readonly={readOnly || undefined}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (readOnly || event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        props.onDragStart(event.clientY);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) props.onDragMove(event.clientY);
      }}
      onPointerUp={(event) => {
        if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
        event.currentTarget.releasePointerCapture(event.pointerId);
        props.onDragEnd(event.clientY);
      }}
    >
      <circle className="emotion-point-hit" cx={x} cy={y} r={16} />
      <circle className="emotion-point-halo" cx={x} cy={y} r={11} stroke={colour} />
      <circle
        className="emotion-point-dot"
        cx={x}
        cy={y}
        r={6}
        fill={score === undefined ? "white" : colour}
        stroke={colour}
      />
      {props.pointLabel && score !== undefined && (
        <text className="emotion-point-label" x={x + 12} y={y - 10}>
          {props.pointLabel}
        </text>
      )}
    </g>
  );
}
