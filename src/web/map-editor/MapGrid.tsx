import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  horizontalListSortingStrategy,
  SortableContext,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { Plus } from "lucide-react";
import { type CSSProperties, useEffect, useMemo, useState } from "react";
import { stageEvidenceLevel } from "../../domain/evidence.js";
import { newId } from "../../domain/ids.js";
import { type JourneyMap, LANE_TYPES } from "../../domain/journey-map.js";
import { addLane, addStage, moveCard, moveLane, moveStage } from "../../domain/map-operations.js";
import type { Persona } from "../../domain/persona.js";
import { useUiText } from "../i18n/ui-text.js";
import { MenuButton } from "../ui/MenuButton.js";
import { useEditor } from "./editor-context.js";
import { LANE_HEADER_WIDTH, STAGE_WIDTH } from "./grid-size.js";
import { LaneRow } from "./LaneRow.js";
import { LANE_ICONS } from "./lane-look.js";
import { StageHeader } from "./StageHeader.js";
import { useFunnel } from "./use-funnel.js";

interface Props {
  map: JourneyMap;
  personas: Persona[];
}

/**
 * Module-level so the sensor (and with it dnd-kit's context) stays the same object between renders;
 * a fresh options object would re-render every card on every edit.
 */
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };

/** Cards land on the cell under the pointer; stages and lanes sort by their centres. */
const collision: CollisionDetection = (args) => {
  const kind = args.active.data.current?.kind;
  if (kind === "card") return pointerWithin(args);
  return closestCenter({
    ...args,
    droppableContainers: args.droppableContainers.filter((c) => c.data.current?.kind === kind),
  });
};

/** The map as a grid: stages are columns, lanes are rows; both headers stay in view while scrolling. */
export function MapGrid({ map, personas }: Props) {
  const { t } = useUiText();
  const { apply, readOnly } = useEditor();
  const [renameStageId, setRenameStageId] = useState<string | null>(null);
  // The new stage read "start renaming" when it mounted; forget it so a re-mount by redo stays closed.
  useEffect(() => {
    if (renameStageId) setRenameStageId(null);
  }, [renameStageId]);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS));

  const levels = useMemo(
    () => Object.fromEntries(map.stages.map((stage) => [stage.id, stageEvidenceLevel(map, stage.id)])),
    [map],
  );
  const funnel = useFunnel(map);
  const stageIds = useMemo(() => map.stages.map((stage) => `stage:${stage.id}`), [map.stages]);
  const laneIds = useMemo(() => map.lanes.map((lane) => `lane:${lane.id}`), [map.lanes]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = active.data.current;
    const to = over?.data.current;
    if (!from || !to || active.id === over?.id) return;
    if (from.kind === "stage" && to.kind === "stage") {
      const toIndex = map.stages.findIndex((stage) => stage.id === to.stageId);
      apply((current) => moveStage(current, { stageId: from.stageId, toIndex }));
    } else if (from.kind === "lane" && to.kind === "lane") {
      const toIndex = map.lanes.findIndex((lane) => lane.id === to.laneId);
      apply((current) => moveLane(current, { laneId: from.laneId, toIndex }));
    } else if (from.kind === "card" && to.kind === "cell" && from.laneId === to.laneId) {
      if (from.stageId === to.stageId) return;
      apply((current) =>
        moveCard(current, {
          laneId: from.laneId,
          fromStageId: from.stageId,
          cardId: from.cardId,
          toStageId: to.stageId,
          toIndex: to.size,
        }),
      );
    }
  };

  const addStageAtEnd = () => {
    const id = newId();
    apply((current) => addStage(current, { id, name: t("stage.newName", { n: current.stages.length + 1 }) }));
    setRenameStageId(id);
  };

  const boardStyle = {
    "--stage-width": `${STAGE_WIDTH}px`,
    "--lane-header-width": `${LANE_HEADER_WIDTH}px`,
  } as CSSProperties;

  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd}>
      <div className="board-scroll" tabIndex={-1}>
        <div className="board" style={boardStyle}>
          <div className="board-header-row">
            <div className="board-corner">
              <span>{t("grid.lanes")}</span>
              <span className="muted">{t("grid.stages")} →</span>
            </div>
            <SortableContext items={stageIds} strategy={horizontalListSortingStrategy}>
              {map.stages.map((stage, index) => (
                <StageHeader
                  key={stage.id}
                  stage={stage}
                  index={index}
                  count={map.stages.length}
                  level={levels[stage.id] ?? "hypothetical"}
                  startRenaming={stage.id === renameStageId}
                />
              ))}
            </SortableContext>
            {!readOnly && (
              <div className="add-stage-cell">
                <button type="button" className="button button-ghost" onClick={addStageAtEnd}>
                  <Plus size={16} aria-hidden="true" />
                  <span>{t("stage.add")}</span>
                </button>
              </div>
            )}
          </div>
          <SortableContext items={laneIds} strategy={verticalListSortingStrategy}>
            {map.lanes.map((lane, index) => (
              <LaneRow
                key={lane.id}
                lane={lane}
                stages={map.stages}
                index={index}
                count={map.lanes.length}
                funnel={lane.type === "metrics" ? funnel : null}
                personas={lane.type === "emotion" ? personas : null}
                mapPersonaIds={lane.type === "emotion" ? map.personaIds : null}
              />
            ))}
          </SortableContext>
          {!readOnly && (
            <div className="add-lane-row">
              <MenuButton
                label={t("lane.add")}
                icon={<Plus size={16} aria-hidden="true" />}
                className="button button-ghost"
                items={LANE_TYPES.map((type) => {
                  const Icon = LANE_ICONS[type];
                  return {
                    id: type,
                    label: t(`laneType.${type}`),
                    icon: <Icon size={16} aria-hidden="true" />,
                    onSelect: () => apply((current) => addLane(current, { type })),
                  };
                })}
              />
            </div>
          )}
        </div>
      </div>
    </DndContext>
  );
}
