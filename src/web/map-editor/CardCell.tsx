import { useDroppable } from "@dnd-kit/core";
import { Plus } from "lucide-react";
import { memo, useEffect, useState } from "react";
import { newId } from "../../domain/ids.js";
import type { Card, CardLaneType, Stage } from "../../domain/journey-map.js";
import { addCard } from "../../domain/map-operations.js";
import { useUiText } from "../i18n/ui-text.js";
import { CardItem } from "./CardItem.js";
import { useEditor } from "./editor-context.js";

interface Props {
  lane: { id: string; type: CardLaneType; title: string };
  stage: Stage;
  cards: Card[];
  stageIndex: number;
  stageCount: number;
  previousStageId: string | null;
  nextStageId: string | null;
}

/** One cell (lane × stage): its cards, a drop target for dragged cards, and "Add card". */
export const CardCell = memo(
  function CardCell({ lane, stage, cards, previousStageId, nextStageId }: Props) {
    const { t } = useUiText();
    const { apply, readOnly } = useEditor();
    const [newCardId, setNewCardId] = useState<string | null>(null);
    const droppable = useDroppable({
      id: `cell:${lane.id}:${stage.id}`,
      data: { kind: "cell", laneId: lane.id, stageId: stage.id, size: cards.length },
    });

    // The new card read "start editing" when it mounted; forget it so a later re-mount (undo) stays closed.
    useEffect(() => {
      if (newCardId) setNewCardId(null);
    }, [newCardId]);

    const add = () => {
      const id = newId();
      apply((map) => addCard(map, { laneId: lane.id, stageId: stage.id, card: { id, text: "" } }));
      setNewCardId(id);
    };

    const isTarget = droppable.isOver && droppable.active?.data.current?.laneId === lane.id;
    return (
      <div ref={droppable.setNodeRef} className={isTarget ? "cell card-cell drop-target" : "cell card-cell"}>
        {cards.map((card, index) => (
          <CardItem
            key={card.id}
            card={card}
            laneId={lane.id}
            laneType={lane.type}
            stageId={stage.id}
            index={index}
            cellSize={cards.length}
            previousStageId={previousStageId}
            nextStageId={nextStageId}
            startEditing={card.id === newCardId}
          />
        ))}
        {!readOnly && (
          <button
            type="button"
            className="add-card"
            onClick={add}
            aria-label={t("card.addTo", { lane: lane.title, stage: stage.name })}
          >
            <Plus size={14} aria-hidden="true" />
            <span>{t("card.add")}</span>
          </button>
        )}
      </div>
    );
  },
  (before, after) =>
    before.cards === after.cards &&
    before.stage === after.stage &&
    before.lane.id === after.lane.id &&
    before.lane.type === after.lane.type &&
    before.lane.title === after.lane.title &&
    before.previousStageId === after.previousStageId &&
    before.nextStageId === after.nextStageId,
);
