import type { EmotionSeries } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";

const PALETTE = ["#4f46e5", "#0d9488", "#ea580c", "#db2777", "#0284c7", "#65a30d"];

/** A persona's curves take the persona's colour so as-is and to-be read as one person. */
export function seriesColour(series: EmotionSeries, index: number, personas: Persona[]): string {
  const persona = series.personaId ? personas.find((p) => p.id === series.personaId) : undefined;
  return persona?.color ?? PALETTE[index % PALETTE.length] ?? "#4f46e5";
}
