import type { JourneyMap } from "../domain/journey-map.js";
import { parseMap, parsePersona } from "../domain/migrations.js";
import type { Persona } from "../domain/persona.js";

/** Validates a map before it is written, so the store never holds a document the domain would reject. */
export function encodeMap(map: JourneyMap): string {
  return JSON.stringify(parseMap(map, "map"));
}

export function encodePersona(persona: Persona, where = "persona"): string {
  return JSON.stringify(parsePersona(persona, where));
}

/** Reads a stored map through the domain so documents written by an older Tropa are upgraded. */
export function decodeMap(doc: string, where: string): JourneyMap {
  return parseMap(JSON.parse(doc), where);
}

export function decodePersona(doc: string, where: string): Persona {
  return parsePersona(JSON.parse(doc), where);
}
