import { useRef } from "react";
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
  onDragMove: (clientY: number) => void;
  onDragEnd: (clientY: number) => void;
  /** A click without a drag, or Enter: label the point. */
  onOpen: () => void;
  onDragCancel: () => void;
}

const STEP = 0.5;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP_PX = 4;

/**
 * An ARIA slider drawn as a dot: ↑/↓ step by 0.5, Home/End jump to the ends, the mouse drags it.
 * A click or Enter opens the point's editor (score and label).
 */
export function EmotionPointHandle(props: Props) {
  const { t } = useUiText();
  const { x, score, colour, readOnly, scale } = props;
  const y = scoreToY(score ?? 0, scale);
  const current = score ?? 0;
  const pressY = useRef<number | null>(null);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (readOnly) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      props.onOpen();
      return;
    }
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
      aria-haspopup={readOnly ? undefined : "dialog"}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (readOnly || event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        pressY.current = event.clientY;
      }}
      onPointerMove={(event) => {
        const start = pressY.current;
        if (start === null || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
        if (Math.abs(event.clientY - start) < CLICK_SLOP_PX) return;
        // From here on the press is a drag for good, even if the pointer comes back near where it started.
        pressY.current = Number.NEGATIVE_INFINITY;
        props.onDragMove(event.clientY);
      }}
      onPointerUp={(event) => {
        const start = pressY.current;
        pressY.current = null;
        if (start === null || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
        event.currentTarget.releasePointerCapture(event.pointerId);
        if (start === Number.NEGATIVE_INFINITY) props.onDragEnd(event.clientY);
        else {
          props.onDragCancel();
          // Focus first, so closing the editor hands focus back to this point.
          event.currentTarget.focus();
          props.onOpen();
        }
      }}
      onPointerCancel={() => {
        pressY.current = null;
        props.onDragCancel();
      }}
    >
      {!readOnly && <title>{t("emotion.pointHint")}</title>}
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
