import { NotFoundError } from "./errors.js";
import { type EvidenceSource, isCardLane, type JourneyMap } from "./journey-map.js";

/** How much of a stage rests on facts rather than assumptions. */
export const EVIDENCE_LEVELS = ["hypothetical", "partly", "data"] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/**
 * The evidence level of a stage from the sources of its cards and of the metric rows that hold a
 * value there: nothing or only assumptions → "hypothetical", only facts → "data", a mix → "partly".
 * Cards with blank text are ignored: an empty card just added in the editor says nothing yet.
 */
export function stageEvidenceLevel(map: JourneyMap, stageId: string): EvidenceLevel {
  if (!map.stages.some((s) => s.id === stageId)) throw new NotFoundError(`stage "${stageId}"`);
  const sources = stageSources(map, stageId);
  const facts = sources.filter((source) => source !== "assumption").length;
  if (facts === 0) return "hypothetical";
  return facts === sources.length ? "data" : "partly";
}

/** How many stages are at each evidence level, e.g. `{ hypothetical: 1, partly: 4, data: 1 }`. */
export function mapEvidenceSummary(map: JourneyMap): Record<EvidenceLevel, number> {
  const summary: Record<EvidenceLevel, number> = { hypothetical: 0, partly: 0, data: 0 };
  for (const stage of map.stages) summary[stageEvidenceLevel(map, stage.id)] += 1;
  return summary;
}

function stageSources(map: JourneyMap, stageId: string): EvidenceSource[] {
  return map.lanes.flatMap((lane): EvidenceSource[] => {
    if (isCardLane(lane)) {
      return (lane.cells[stageId] ?? []).filter((card) => card.text.trim() !== "").map((card) => card.source);
    }
    if (lane.type === "metrics") {
      return lane.rows.filter((row) => typeof row.values[stageId] === "number").map((row) => row.source);
    }
    return [];
  });
}
