import type { EmotionSeries, JourneyMap } from "../domain/journey-map.js";
import type { MapFile } from "./map-file.js";

/**
 * A Mermaid `journey` diagram: one section per stage, the actions lane as tasks, scored 1–5 from
 * the first emotion curve (−2…+2), the map's personas as actors.
 */
export function exportMermaid(file: MapFile): string {
  const { map } = file;
  const actors = file.personas
    .filter((persona) => map.personaIds.includes(persona.id))
    .map((persona) => sanitize(persona.name).replace(/\s*,\s*/g, " "));
  const curve = firstCurve(map);
  const lines = ["journey", `  title ${sanitize(map.title)}`];
  for (const stage of map.stages) {
    lines.push(`  section ${sanitize(stage.name)}`);
    const score = toScore(curve?.points[stage.id]?.score);
    const tasks = actionTexts(map, stage.id);
    for (const task of tasks.length ? tasks : [stage.name]) {
      lines.push(`    ${sanitize(task)}: ${score}${actors.length ? `: ${actors.join(", ")}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Mermaid reads ":" as a field separator, a newline as a new statement and "%%" as a comment. */
export function sanitize(text: string): string {
  const flat = text
    .replace(/\s*\r?\n\s*/g, " ")
    .replace(/:/g, "꞉")
    .replace(/;/g, ",")
    .replace(/#/g, "№")
    .replace(/%%/g, "%")
    .trim();
  return flat || "—";
}

function firstCurve(map: JourneyMap): EmotionSeries | undefined {
  for (const lane of map.lanes) {
    if (lane.type !== "emotion") continue;
    return lane.series.find((series) => series.state === "as-is") ?? lane.series[0];
  }
  return undefined;
}

function actionTexts(map: JourneyMap, stageId: string): string[] {
  return map.lanes.flatMap((lane) =>
    lane.type === "actions" ? (lane.cells[stageId] ?? []).map((card) => card.text) : [],
  );
}

/** −2…+2 → 1…5; a stage without a score sits in the neutral middle. */
function toScore(emotion: number | undefined): number {
  if (emotion === undefined) return 3;
  return Math.min(5, Math.max(1, Math.round(emotion + 3)));
}
