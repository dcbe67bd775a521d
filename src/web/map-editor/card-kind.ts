import type { CardLaneType } from "../../domain/journey-map.js";

/** Which extra fields a card shows follows from its lane. */
export const isBarrierLane = (type: CardLaneType): boolean =>
  type === "tech_barriers" || type === "emotional_barriers";
export const isTouchpointLane = (type: CardLaneType): boolean => type === "touchpoints";
export const isOpportunityLane = (type: CardLaneType): boolean => type === "opportunities";
