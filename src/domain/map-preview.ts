import { z } from "zod";
import { EVIDENCE_LEVELS, stageEvidenceLevel } from "./evidence.js";
import { computeTransitions, findPeopleRow } from "./funnel.js";
import type { JourneyMap } from "./journey-map.js";

/** What a map tile shows about a map: the funnel's shape, its worst step and how evidenced each stage is. */
export const mapPreviewSchema = z.object({
  /** People per stage in stage order; null where the stage has no count. */
  counts: z.array(z.number().nullable()),
  levels: z.array(z.enum(EVIDENCE_LEVELS)),
  keyBarrier: z
    .object({
      from: z.string(),
      to: z.string(),
      fromIndex: z.number().int(),
      toIndex: z.number().int(),
      conversion: z.number(),
    })
    .nullable(),
});
export type MapPreview = z.infer<typeof mapPreviewSchema>;

export function previewOf(map: JourneyMap): MapPreview {
  const row = findPeopleRow(map);
  const counts = map.stages.map((stage) => {
    const value = row?.values[stage.id];
    return typeof value === "number" ? value : null;
  });
  const key = computeTransitions(map).keyBarrier;
  const indexOf = (stageId: string) => map.stages.findIndex((stage) => stage.id === stageId);
  return {
    counts,
    levels: map.stages.map((stage) => stageEvidenceLevel(map, stage.id)),
    keyBarrier:
      key && key.conversion !== null
        ? {
            from: key.fromName,
            to: key.toName,
            fromIndex: indexOf(key.fromStageId),
            toIndex: indexOf(key.toStageId),
            conversion: key.conversion,
          }
        : null,
  };
}
