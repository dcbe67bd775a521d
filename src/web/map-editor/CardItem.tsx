import { useDraggable } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { Target } from "lucide-react";
import { memo, useState } from "react";
import type { Card, CardLaneType } from "../../domain/journey-map.js";
import { deleteCard, moveCard } from "../../domain/map-operations.js";
import { CommentBadge } from "../comments/CommentBadge.js";
import { useUiText } from "../i18n/ui-text.js";
import { CardEditor } from "./CardEditor.js";
import { ChannelChip } from "./ChannelChip.js";
import { isBarrierLane, isOpportunityLane, isTouchpointLane } from "./card-kind.js";
import { EvidenceBadge } from "./EvidenceBadge.js";
import { useEditor } from "./editor-context.js";

interface Props {
  card: Card;
  laneId: string;
  laneType: CardLaneType;
  stageId: string;
  index: number;
  cellSize: number;
  previousStageId: string | null;
  nextStageId: string | null;
  startEditing: boolean;
}

/** A card: click (or Enter) to edit in place; drag, or Alt+arrows, to move it. */
export const CardItem = memo(function CardItem(props: Props) {
  const { card, laneId, laneType, stageId, index, cellSize, previousStageId, nextStageId } = props;
  const { t } = useUiText();
  const { apply, readOnly } = useEditor();
  const [editing, setEditing] = useState(props.startEditing);
  // Only the first edit of a just-added card may remove it when left empty.
  const [fresh, setFresh] = useState(props.startEditing);
  const draggable = useDraggable({
    id: `card:${card.id}`,
    data: { kind: "card", laneId, stageId, cardId: card.id },
    disabled: readOnly || editing,
  });

  const moveTo = (toStageId: string | null, toIndex: number) => {
    if (!toStageId) return;
    apply((map) => moveCard(map, { laneId, fromStageId: stageId, cardId: card.id, toStageId, toIndex }));
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-card-id="${card.id}"] .card-text`)?.focus(),
    );
  };

  if (editing && !readOnly) {
    return (
      <CardEditor
        card={card}
        laneId={laneId}
        laneType={laneType}
        stageId={stageId}
        isNew={fresh}
        onClose={() => {
          setEditing(false);
          setFresh(false);
        }}
      />
    );
  }

  const metric = card.successMetric;
  return (
    <article
      ref={draggable.setNodeRef}
      data-card-id={card.id}
      className={`card card-${laneType}${card.severity ? ` severity-${card.severity}` : ""}${draggable.isDragging ? " dragging" : ""}`}
      style={{ transform: CSS.Translate.toString(draggable.transform) }}
      {...draggable.listeners}
    >
      {(isTouchpointLane(laneType) || isBarrierLane(laneType)) && (
        <div className="card-top">
          {isTouchpointLane(laneType) && (
            <ChannelChip channel={card.channel} customName={card.customChannel} />
          )}
          {isBarrierLane(laneType) && card.severity && (
            <span className={`severity-pill severity-pill-${card.severity}`}>
              {t(`severity.${card.severity}`)}
            </span>
          )}
        </div>
      )}
      <button
        type="button"
        className={card.text ? "card-text" : "card-text empty"}
        disabled={readOnly}
        onClick={() => setEditing(true)}
        title={readOnly ? undefined : t("card.editHint")}
        onKeyDown={(event) => {
          if (readOnly) return;
          if (event.key === "Delete" && !event.altKey) {
            apply((map) => deleteCard(map, { laneId, stageId, cardId: card.id }));
          } else if (!event.altKey) {
            return;
          } else if (event.key === "ArrowLeft") moveTo(previousStageId, 0);
          else if (event.key === "ArrowRight") moveTo(nextStageId, 0);
          else if (event.key === "ArrowUp" && index > 0) moveTo(stageId, index - 1);
          else if (event.key === "ArrowDown" && index < cellSize - 1) moveTo(stageId, index + 1);
          else return;
          event.preventDefault();
        }}
      >
        {card.text || t("card.empty")}
      </button>
      {isOpportunityLane(laneType) && metric?.metric && (
        <p className="card-metric">
          <Target size={12} aria-hidden="true" />
          <span>
            {metric.metric}
            {(metric.baseline !== null || metric.target !== null) &&
              `: ${metric.baseline ?? "?"} → ${metric.target ?? "?"}${metric.unit ? ` ${metric.unit}` : ""}`}
          </span>
        </p>
      )}
      <div className="card-footer">
        <EvidenceBadge source={card.source} />
        <CommentBadge target={{ kind: "card", id: card.id }} name={card.text || t("card.empty")} />
      </div>
    </article>
  );
});
