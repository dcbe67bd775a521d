import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo } from "react";
import type { FunnelAnalysis } from "../../domain/funnel.js";
import { isCardLane, type Lane, type Stage } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import { CardCell } from "./CardCell.js";
import { EmotionLaneBody } from "./EmotionLaneBody.js";
import { LaneHeader } from "./LaneHeader.js";
import { MetricsLaneBody } from "./MetricsLaneBody.js";

interface Props {
  lane: Lane;
  stages: Stage[];
  index: number;
  count: number;
  /** Only the metrics lane reads it; other lanes get null so a count edit does not repaint them. */
  funnel: FunnelAnalysis | null;
  /** Only the emotion lane reads these two. */
  personas: Persona[] | null;
  mapPersonaIds: string[] | null;
}

/** One row of the grid; memoised so an edit repaints only the lane it touched. */
export const LaneRow = memo(function LaneRow({
  lane,
  stages,
  index,
  count,
  funnel,
  personas,
  mapPersonaIds,
}: Props) {
  const sortable = useSortable({ id: `lane:${lane.id}`, data: { kind: "lane", laneId: lane.id } });
  return (
    <section
      ref={sortable.setNodeRef}
      className={`lane-row lane-${lane.type}${sortable.isDragging ? " dragging" : ""}`}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      aria-label={lane.title}
    >
      <LaneHeader
        lane={lane}
        index={index}
        count={count}
        handle={{ attributes: sortable.attributes, listeners: sortable.listeners }}
      />
      {isCardLane(lane) &&
        stages.map((stage, stageIndex) => (
          <CardCell
            key={stage.id}
            lane={lane}
            stage={stage}
            cards={lane.cells[stage.id] ?? EMPTY}
            stageIndex={stageIndex}
            stageCount={stages.length}
            nextStageId={stages[stageIndex + 1]?.id ?? null}
            previousStageId={stages[stageIndex - 1]?.id ?? null}
          />
        ))}
      {lane.type === "emotion" && (
        <EmotionLaneBody
          lane={lane}
          stages={stages}
          personas={personas ?? EMPTY}
          mapPersonaIds={mapPersonaIds ?? EMPTY}
        />
      )}
      {lane.type === "metrics" && funnel && <MetricsLaneBody lane={lane} stages={stages} funnel={funnel} />}
    </section>
  );
});

const EMPTY: never[] = [];
