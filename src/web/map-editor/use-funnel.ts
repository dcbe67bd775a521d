import { useRef } from "react";
import { computeTransitions, type FunnelAnalysis } from "../../domain/funnel.js";
import type { JourneyMap, Lane } from "../../domain/journey-map.js";

interface Cached {
  stages: JourneyMap["stages"];
  metricsLanes: Lane[];
  funnel: FunnelAnalysis;
}

const sameLanes = (a: Lane[], b: Lane[]) => a.length === b.length && a.every((lane, i) => lane === b[i]);

/**
 * The funnel only depends on the stages and the metrics lanes; reusing it while they are unchanged keeps
 * the memoised metrics lane from repainting on every card edit.
 */
export function useFunnel(map: JourneyMap): FunnelAnalysis {
  const cache = useRef<Cached | null>(null);
  const metricsLanes = map.lanes.filter((lane) => lane.type === "metrics");
  const cached = cache.current;
  if (cached && cached.stages === map.stages && sameLanes(cached.metricsLanes, metricsLanes)) {
    return cached.funnel;
  }
  const funnel = computeTransitions(map);
  cache.current = { stages: map.stages, metricsLanes, funnel };
  return funnel;
}
