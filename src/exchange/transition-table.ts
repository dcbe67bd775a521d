import { computeTransitions, formatPercent } from "../domain/funnel.js";
import type { JourneyMap, Lang } from "../domain/journey-map.js";
import { exportLabels } from "./export-labels.js";

export type TransitionTableRow = { cells: string[]; isKey: boolean; belowTarget: boolean };

/**
 * The funnel transition table every export shows: Transition, Reached → Converted, Conversion, Lost,
 * Target, and a mark on the key barrier (the transition that keeps the smallest share).
 */
export function transitionTable(map: JourneyMap): { header: string[]; rows: TransitionTableRow[] } {
  const labels = exportLabels(map.lang);
  const funnel = computeTransitions(map);
  const keyStageId = funnel.keyBarrier?.fromStageId ?? null;
  return {
    header: [
      labels.transition,
      labels.reachedConverted,
      labels.conversion,
      labels.lost,
      labels.target,
      labels.keyBarrier,
    ],
    rows: funnel.transitions.map((t) => {
      const isKey = t.fromStageId === keyStageId;
      return {
        isKey,
        belowTarget: t.gapToTarget !== null && t.gapToTarget > 0,
        cells: [
          `${t.fromName} → ${t.toName}`,
          `${formatCount(t.reached, map.lang)} → ${formatCount(t.converted, map.lang)}`,
          formatPercent(t.conversion, map.lang),
          formatCount(t.lost, map.lang),
          t.target === null ? "" : formatPercent(t.target, map.lang),
          isKey ? "★" : "",
        ],
      };
    }),
  };
}

export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
}
