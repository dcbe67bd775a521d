import type { JourneyMap } from "../domain/journey-map.js";
import type { Persona } from "../domain/persona.js";
import type { MapFile } from "./map-file.js";

/**
 * The machine-readable sheets of an XLSX export: plain tables (header row + one record per row)
 * that together carry everything the JSON file has, so importing the workbook loses nothing.
 */
export type SheetValue = string | number | null;
export type SheetTable = { name: string; header: string[]; rows: SheetValue[][] };

export const SHEET = {
  meta: "Meta",
  stages: "Stages",
  lanes: "Lanes",
  cards: "Cards",
  emotion: "Emotion",
  metrics: "Metrics",
  personas: "Personas",
} as const;

export const CARD_COLUMNS = [
  "laneId",
  "stageId",
  "id",
  "text",
  "source",
  "evidenceNote",
  "severity",
  "channel",
  "customChannel",
  "metric",
  "baseline",
  "target",
  "unit",
] as const;
export const EMOTION_COLUMNS = [
  "laneId",
  "seriesId",
  "seriesLabel",
  "personaId",
  "state",
  "stageId",
  "score",
  "label",
] as const;
export const METRIC_COLUMNS = [
  "laneId",
  "rowId",
  "kind",
  "name",
  "unit",
  "source",
  "stageId",
  "value",
  "target",
  "fromData",
] as const;
export const PERSONA_COLUMNS = [
  "schemaVersion",
  "id",
  "name",
  "avatar",
  "color",
  "age",
  "occupation",
  "context",
  "motivation",
  "pains",
  "channels",
  "quote",
  "segment",
  "segmentRule",
] as const;
/** Columns added after the first release: workbooks written before them still import. */
export const OPTIONAL_COLUMNS = ["matchers", "fromData", "segmentRule"];
/** A metric cell that holds an explicit "no value yet" (the key exists with null). */
export const NULL_VALUE = "null";

export function toMachineSheets(file: MapFile): SheetTable[] {
  const { map } = file;
  return [
    metaSheet(file),
    {
      name: SHEET.stages,
      header: ["id", "name", "description", "substeps", "matchers"],
      rows: stageRows(map),
    },
    {
      name: SHEET.lanes,
      header: ["id", "type", "title"],
      rows: map.lanes.map((lane) => [lane.id, lane.type, lane.title]),
    },
    { name: SHEET.cards, header: [...CARD_COLUMNS], rows: cardRows(map) },
    { name: SHEET.emotion, header: [...EMOTION_COLUMNS], rows: emotionRows(map) },
    { name: SHEET.metrics, header: [...METRIC_COLUMNS], rows: metricRows(map) },
    { name: SHEET.personas, header: [...PERSONA_COLUMNS], rows: file.personas.map(personaRow) },
  ];
}

function metaSheet(file: MapFile): SheetTable {
  const { map } = file;
  const pairs: [string, SheetValue][] = [
    ["format", file.format],
    ["fileSchemaVersion", file.schemaVersion],
    ["exportedAt", file.exportedAt],
    ["schemaVersion", map.schemaVersion],
    ["id", map.id],
    ["title", map.title],
    ["description", map.description],
    ["lang", map.lang],
    ["personaIds", map.personaIds.join(", ")],
    ["segment", map.segment],
    ["state", map.state],
    ["templateId", map.templateId],
    ["lastReviewedAt", map.lastReviewedAt],
    ["funnelSettings", JSON.stringify(map.funnelSettings)],
  ];
  return { name: SHEET.meta, header: ["key", "value"], rows: pairs };
}

function stageRows(map: JourneyMap): SheetValue[][] {
  return map.stages.map((stage) => [
    stage.id,
    stage.name,
    stage.description,
    stage.substeps.join("\n"),
    jsonCell(stage.matchers),
  ]);
}

function cardRows(map: JourneyMap): SheetValue[][] {
  return map.lanes.flatMap((lane) => {
    if (lane.type === "emotion" || lane.type === "metrics") return [];
    return Object.entries(lane.cells).flatMap(([stageId, cards]) =>
      cards.map((card) => [
        lane.id,
        stageId,
        card.id,
        card.text,
        card.source,
        card.evidenceNote,
        card.severity ?? null,
        card.channel ?? null,
        card.customChannel ?? null,
        card.successMetric?.metric ?? null,
        card.successMetric?.baseline ?? null,
        card.successMetric?.target ?? null,
        card.successMetric?.unit ?? null,
      ]),
    );
  });
}

function emotionRows(map: JourneyMap): SheetValue[][] {
  return map.lanes.flatMap((lane) => {
    if (lane.type !== "emotion") return [];
    return lane.series.flatMap((series) => {
      const head = [lane.id, series.id, series.label, series.personaId, series.state];
      const points = Object.entries(series.points);
      // A curve with no points still needs a row, or it would vanish on import.
      if (points.length === 0) return [[...head, null, null, null]];
      return points.map(([stageId, point]) => [...head, stageId, point.score, point.label]);
    });
  });
}

function metricRows(map: JourneyMap): SheetValue[][] {
  return map.lanes.flatMap((lane) => {
    if (lane.type !== "metrics") return [];
    return lane.rows.flatMap((row) => {
      const head = [lane.id, row.id, row.kind, row.name, row.unit, row.source];
      const fromData = row.fromData ? JSON.stringify(row.fromData) : null;
      const stageIds = [...new Set([...Object.keys(row.values), ...Object.keys(row.targets)])];
      if (stageIds.length === 0) return [[...head, null, null, null, fromData]];
      return stageIds.map((stageId) => {
        const value = row.values[stageId];
        return [
          ...head,
          stageId,
          value === undefined ? null : value === null ? NULL_VALUE : value,
          row.targets[stageId] ?? null,
          fromData,
        ];
      });
    });
  });
}

function personaRow(persona: Persona): SheetValue[] {
  return PERSONA_COLUMNS.map((column) => {
    if (column === "segmentRule") return jsonCell(persona.segmentRule);
    const value = persona[column];
    return Array.isArray(value) ? value.join(", ") : value;
  });
}

/** Structured fields travel as JSON text; an empty list stays an empty cell. */
function jsonCell(list: unknown[]): SheetValue {
  return list.length > 0 ? JSON.stringify(list) : null;
}
