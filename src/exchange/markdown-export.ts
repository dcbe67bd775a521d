import { stageEvidenceLevel } from "../domain/evidence.js";
import type { JourneyMap, SuccessMetric } from "../domain/journey-map.js";
import { defaultLaneTitle } from "../domain/lane-titles.js";
import type { Persona } from "../domain/persona.js";
import { type ExportLabels, exportLabels } from "./export-labels.js";
import type { MapFile } from "./map-file.js";
import { toLayoutRows } from "./map-layout.js";
import { transitionTable } from "./transition-table.js";

/** A readable report: title, personas, the stage × lane table, transitions, opportunities. */
export function exportMarkdown(file: MapFile): string {
  const { map } = file;
  const labels = exportLabels(map.lang);
  const personas = file.personas.filter((persona) => map.personaIds.includes(persona.id));
  const sections = [
    `# ${escapeMarkdown(map.title)}`,
    map.description ? escapeMarkdown(map.description) : "",
    personas.length > 0 ? personaSection(personas, labels) : "",
    layoutSection(map, labels),
    transitionSection(map, labels),
    opportunitySection(map, labels),
  ];
  return `${sections.filter(Boolean).join("\n\n")}\n`;
}

/** User text is escaped so it can neither break the table nor inject HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#])/g, "\\$1")
    .replace(/\r?\n/g, "<br>");
}

function personaSection(personas: Persona[], labels: ExportLabels): string {
  const lines = personas.map((persona) => {
    const facts = [persona.age === null ? "" : String(persona.age), persona.occupation].filter(Boolean);
    const head = `- **${escapeMarkdown(persona.name)}**${facts.length ? ` (${escapeMarkdown(facts.join(", "))})` : ""}`;
    const details = [persona.context, persona.motivation, persona.pains, persona.quote].filter(Boolean);
    return details.length ? `${head}: ${details.map(escapeMarkdown).join("; ")}` : head;
  });
  return `## ${labels.personas}\n\n${lines.join("\n")}`;
}

function layoutSection(map: JourneyMap, labels: ExportLabels): string {
  const evidence = map.stages.map((stage) => labels[stageEvidenceLevel(map, stage.id)]);
  const rows = [
    tableRow([labels.lane, ...map.stages.map((stage) => escapeMarkdown(stage.name))]),
    tableRow(["---", ...map.stages.map(() => "---")]),
    ...toLayoutRows(map).map((row) =>
      tableRow([escapeMarkdown(row.title), ...row.cells.map(escapeMarkdown)]),
    ),
    tableRow([`*${labels.evidence}*`, ...evidence.map((level) => `*${level}*`)]),
  ];
  return `## ${labels.map}\n\n${rows.join("\n")}`;
}

function transitionSection(map: JourneyMap, labels: ExportLabels): string {
  const table = transitionTable(map);
  if (table.rows.length === 0) return `## ${labels.transitions}\n\n${labels.noCounts}`;
  const rows = [
    tableRow(table.header),
    tableRow(table.header.map(() => "---")),
    ...table.rows.map((row) =>
      tableRow(
        row.cells.map((cell) => (row.isKey && cell ? `**${escapeMarkdown(cell)}**` : escapeMarkdown(cell))),
      ),
    ),
  ];
  return `## ${labels.transitions}\n\n${rows.join("\n")}`;
}

function opportunitySection(map: JourneyMap, labels: ExportLabels): string {
  const lines: string[] = [];
  for (const lane of map.lanes) {
    if (lane.type !== "opportunities") continue;
    for (const stage of map.stages) {
      for (const card of lane.cells[stage.id] ?? []) {
        const metric = card.successMetric
          ? ` — ${labels.successMetric}: ${formatMetric(card.successMetric)}`
          : "";
        lines.push(
          `- **${escapeMarkdown(stage.name)}**: ${escapeMarkdown(card.text)}${escapeMarkdown(metric)}`,
        );
      }
    }
  }
  // The heading names the lane type whose cards it gathers, so it is that type's lane title.
  return lines.length ? `## ${defaultLaneTitle("opportunities", map.lang)}\n\n${lines.join("\n")}` : "";
}

export function formatMetric(metric: SuccessMetric): string {
  const unit = metric.unit ? ` ${metric.unit}` : "";
  const span = [metric.baseline, metric.target].map((value) => (value === null ? "?" : `${value}${unit}`));
  return metric.baseline === null && metric.target === null
    ? metric.metric
    : `${metric.metric} ${span.join(" → ")}`;
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}
