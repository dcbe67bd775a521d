import type { Persona } from "../../domain/persona.js";
import type { MapSummary } from "../api/types.js";

export interface PersonaGroup {
  /** null collects the maps that name no (known) persona. */
  persona: Persona | null;
  maps: MapSummary[];
}

/**
 * One group per persona, in the workspace's persona order, each with its maps newest first.
 * A map for two personas shows in both groups: people look for "the maps about Anna".
 */
export function groupMapsByPersona(maps: MapSummary[], personas: Persona[]): PersonaGroup[] {
  const byNewest = [...maps].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const known = new Set(personas.map((persona) => persona.id));
  const groups: PersonaGroup[] = personas
    .map((persona) => ({ persona, maps: byNewest.filter((map) => map.personaIds.includes(persona.id)) }))
    .filter((group) => group.maps.length > 0);
  const orphans = byNewest.filter((map) => !map.personaIds.some((id) => known.has(id)));
  if (orphans.length > 0) groups.push({ persona: null, maps: orphans });
  return groups;
}
