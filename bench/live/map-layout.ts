import { isCardLane, type JourneyMap } from "../../src/domain/journey-map.js";
import { addCard } from "../../src/domain/map-operations.js";

/** Where one card sits in a map. */
export interface CardRef {
  laneId: string;
  stageId: string;
  cardId: string;
}

/** The cards a scenario edits on one map: one per editor, plus a few every editor of the map also edits. */
export interface MapLayout {
  mapId: string;
  ownCards: CardRef[];
  sharedCards: CardRef[];
}

/**
 * Adds `editors` own cards and `shared` shared cards to the map's first card lane, spread over its stages
 * (as a workshop would fill a map), and says which is whose.
 */
export function addBenchCards(
  map: JourneyMap,
  editors: number,
  shared: number,
): { map: JourneyMap; layout: MapLayout } {
  const lane = map.lanes.find(isCardLane);
  if (!lane) throw new Error(`map ${map.id} has no card lane to put the editors' cards in`);
  const refs: CardRef[] = [];
  let next = map;
  for (let i = 0; i < editors + shared; i += 1) {
    const stage = map.stages[i % map.stages.length];
    if (!stage) throw new Error(`map ${map.id} has no stages`);
    const cardId = `bench-card-${i}`;
    const text = i < editors ? `Editor ${i}'s card` : `Shared card ${i - editors}`;
    next = addCard(next, { laneId: lane.id, stageId: stage.id, card: { id: cardId, text } });
    refs.push({ laneId: lane.id, stageId: stage.id, cardId });
  }
  return {
    map: next,
    layout: { mapId: map.id, ownCards: refs.slice(0, editors), sharedCards: refs.slice(editors) },
  };
}
