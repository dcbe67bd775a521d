import { newId } from "../domain/ids.js";
import type { JourneyMap } from "../domain/journey-map.js";
import type { Persona } from "../domain/persona.js";

/**
 * Gives an incoming map and its personas new ids, re-pointing the map's persona references, so that
 * creating or importing the same file twice yields two independent maps instead of a clash.
 * Stage, lane and card ids are local to the map and stay as they are.
 */
export function withFreshIds(map: JourneyMap, personas: Persona[]): { map: JourneyMap; personas: Persona[] } {
  const personaIds = new Map(personas.map((persona) => [persona.id, newId()]));
  const renamed = (id: string) => personaIds.get(id) ?? id;
  return {
    map: {
      ...map,
      id: newId(),
      personaIds: map.personaIds.map(renamed),
      lanes: map.lanes.map((lane) =>
        lane.type === "emotion"
          ? {
              ...lane,
              series: lane.series.map((s) => ({
                ...s,
                personaId: s.personaId === null ? null : renamed(s.personaId),
              })),
            }
          : lane,
      ),
    },
    personas: personas.map((persona) => ({ ...persona, id: renamed(persona.id) })),
  };
}
