import { newId } from "../../domain/ids.js";
import { type Persona, personaSchema } from "../../domain/persona.js";

export function blankPersona(name: string): Persona {
  return personaSchema.parse({ schemaVersion: 1, id: newId(), name });
}
