import { ImportError, TropaError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import {
  type CardLaneType,
  EMOTION_MAX,
  EMOTION_MIN,
  type EmotionPoint,
  type JourneyMap,
  LANE_TYPES,
  type Lane,
  type LaneType,
  type Lang,
  METRIC_KINDS,
  type MetricKind,
  type MetricRow,
} from "../domain/journey-map.js";
import { defaultLaneTitle } from "../domain/lane-titles.js";
import { parseMap } from "../domain/migrations.js";
import { inferLaneType } from "./infer-lane-type.js";

/**
 * One row of the stage × lane table people read and write in spreadsheets: a card lane, one emotion
 * curve or one metric row. `type` is a lane type, or `metrics:<kind>` for a metric row.
 */
export type LayoutRow = { title: string; type: string; cells: string[] };

export function toLayoutRows(map: JourneyMap): LayoutRow[] {
  return map.lanes.flatMap((lane) => laneRows(map, lane));
}

function laneRows(map: JourneyMap, lane: Lane): LayoutRow[] {
  const stageIds = map.stages.map((stage) => stage.id);
  if (lane.type === "emotion") {
    if (lane.series.length === 0)
      return [{ title: lane.title, type: "emotion", cells: stageIds.map(() => "") }];
    return lane.series.map((series) => ({
      title: lane.series.length > 1 && series.label ? `${lane.title}: ${series.label}` : lane.title,
      type: "emotion",
      cells: stageIds.map((id) => formatEmotion(series.points[id])),
    }));
  }
  if (lane.type === "metrics") {
    if (lane.rows.length === 0)
      return [{ title: lane.title, type: "metrics", cells: stageIds.map(() => "") }];
    return lane.rows.map((row) => ({
      title: row.name || lane.title,
      type: `metrics:${row.kind}`,
      cells: stageIds.map((id) => formatNumber(row.values[id])),
    }));
  }
  return [
    {
      title: lane.title,
      type: lane.type,
      cells: stageIds.map((id) => (lane.cells[id] ?? []).map((card) => card.text).join("\n")),
    },
  ];
}

/** "+1 Interest", "0", "-2 Fear": the score first so the cell still reads as a feeling. */
export function formatEmotion(point: EmotionPoint | undefined): string {
  if (!point) return "";
  const score = point.score > 0 ? `+${point.score}` : String(point.score);
  return point.label ? `${score} ${point.label}` : score;
}

function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Where a layout cell came from, for error messages: `map.csv: row 4, column "Оплата"`. */
export type LocateCell = (rowIndex: number, stageIndex: number | null) => string;

export type LayoutInput = {
  filename: string;
  title: string;
  stageNames: string[];
  rows: { title: string; type?: string | undefined; cells: string[] }[];
};

/**
 * Builds a map (fresh ids) from a stage × lane table; rows without a type get one from their title.
 * Throws ImportError naming the cell for scores, numbers or types it cannot read.
 */
export function fromLayoutRows(input: LayoutInput, locate: LocateCell): JourneyMap {
  const stages = input.stageNames.map((name, i) => {
    if (!name.trim()) throw new ImportError("the stage name is empty", locate(-1, i));
    return { id: newId(), name: name.trim(), description: "", substeps: [] };
  });
  if (stages.length === 0)
    throw new ImportError("no stages found: put stage names in the first row", locate(-1, null));
  const lang = guessLang([input.title, ...input.stageNames, ...input.rows.map((row) => row.title)]);
  const lanes: Lane[] = [];
  input.rows.forEach((row, rowIndex) => {
    const title = row.title.trim();
    if (!title && row.cells.every((cell) => !cell.trim())) return;
    if (!title) throw new ImportError("the lane title is empty", locate(rowIndex, null));
    const type = rowType(row, rowIndex, locate);
    const stageIdAt = (i: number) => stages[i]?.id ?? "";
    if (type.lane === "emotion") {
      addEmotionRow(lanes, title, row.cells, stageIdAt, (i) => locate(rowIndex, i));
    } else if (type.lane === "metrics") {
      addMetricRow(lanes, title, type.kind, row.cells, stageIdAt, lang, (i) => locate(rowIndex, i));
    } else {
      lanes.push(cardLane(type.lane, title, row.cells, stageIdAt));
    }
  });
  const map = {
    schemaVersion: 1,
    id: newId(),
    title: input.title.trim() || (lang === "ru" ? "Импортированная карта" : "Imported map"),
    lang,
    stages,
    lanes,
  };
  try {
    return parseMap(map, "map");
  } catch (error) {
    if (error instanceof TropaError) throw new ImportError(error.message, input.filename);
    throw error;
  }
}

type RowType =
  | { lane: Exclude<LaneType, "metrics">; kind?: undefined }
  | { lane: "metrics"; kind: MetricKind };

function rowType(row: LayoutInput["rows"][number], rowIndex: number, locate: LocateCell): RowType {
  const given = (row.type ?? "").trim();
  if (given) {
    const [lane, kind] = given.split(":");
    if (lane === "metrics") {
      if (kind && !(METRIC_KINDS as readonly string[]).includes(kind)) {
        throw new ImportError(
          `unknown metric kind "${kind}"; use one of ${METRIC_KINDS.join(", ")}`,
          locate(rowIndex, null),
        );
      }
      return { lane: "metrics", kind: (kind as MetricKind | undefined) ?? metricKindFromTitle(row.title) };
    }
    if (!(LANE_TYPES as readonly string[]).includes(lane ?? "")) {
      throw new ImportError(
        `unknown lane type "${given}"; use one of ${LANE_TYPES.join(", ")}`,
        locate(rowIndex, null),
      );
    }
    return { lane: lane as Exclude<LaneType, "metrics"> };
  }
  const inferred = inferLaneType(row.title);
  // A row of plain numbers under an unrecognised title is a KPI row, not notes.
  if (inferred === "metrics" || (inferred === "text" && isNumericRow(row.cells))) {
    return { lane: "metrics", kind: metricKindFromTitle(row.title) };
  }
  return { lane: inferred };
}

function metricKindFromTitle(title: string): MetricKind {
  const lower = title.toLowerCase();
  if (lower.includes("nps")) return "nps";
  if (lower.includes("csat")) return "csat";
  if (/people|visitors|users|люд|человек|посетител|пользовател/.test(lower)) return "people";
  return "custom";
}

function isNumericRow(cells: string[]): boolean {
  const filled = cells.filter((cell) => cell.trim());
  return filled.length > 0 && filled.every((cell) => parseNumber(cell) !== undefined);
}

function cardLane(
  type: CardLaneType,
  title: string,
  cells: string[],
  stageIdAt: (i: number) => string,
): Lane {
  const laneCells: Record<string, { id: string; text: string }[]> = {};
  cells.forEach((cell, i) => {
    const texts = cell
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (texts.length > 0) laneCells[stageIdAt(i)] = texts.map((text) => ({ id: newId(), text }));
  });
  return { id: newId(), type, title, cells: laneCells } as Lane;
}

function addEmotionRow(
  lanes: Lane[],
  title: string,
  cells: string[],
  stageIdAt: (i: number) => string,
  locate: (stageIndex: number) => string,
): void {
  const [laneTitle = title, seriesLabel = ""] = splitSeriesTitle(title);
  const points: Record<string, EmotionPoint> = {};
  cells.forEach((cell, i) => {
    const point = parseEmotion(cell, locate(i));
    if (point) points[stageIdAt(i)] = point;
  });
  const series = { id: newId(), label: seriesLabel, personaId: null, state: "as-is" as const, points };
  const last = lanes.at(-1);
  if (last?.type === "emotion") last.series.push(series);
  else lanes.push({ id: newId(), type: "emotion", title: laneTitle, series: [series] });
}

function splitSeriesTitle(title: string): string[] {
  const at = title.indexOf(": ");
  return at === -1 ? [title] : [title.slice(0, at), title.slice(at + 2)];
}

function addMetricRow(
  lanes: Lane[],
  title: string,
  kind: MetricKind,
  cells: string[],
  stageIdAt: (i: number) => string,
  lang: Lang,
  locate: (stageIndex: number) => string,
): void {
  const values: Record<string, number> = {};
  cells.forEach((cell, i) => {
    if (!cell.trim()) return;
    const value = parseNumber(cell);
    if (value === undefined) throw new ImportError(`"${cell.trim()}" is not a number`, locate(i));
    values[stageIdAt(i)] = value;
  });
  const row: MetricRow = {
    id: newId(),
    kind,
    name: title,
    unit: "",
    values,
    targets: {},
    source: "assumption",
    fromData: null,
  };
  const last = lanes.at(-1);
  if (last?.type === "metrics") last.rows.push(row);
  else lanes.push({ id: newId(), type: "metrics", title: defaultLaneTitle("metrics", lang), rows: [row] });
}

/** Reads "+1 glad", "-2", "−1,5 страх"; an empty cell is no point. */
export function parseEmotion(cell: string, where: string): EmotionPoint | undefined {
  const text = cell.trim();
  if (!text) return undefined;
  const match = /^([+\-−]?\d+(?:[.,]\d+)?)\s*(.*)$/su.exec(text);
  const score = match ? Number((match[1] ?? "").replace("−", "-").replace(",", ".")) : Number.NaN;
  if (!match || Number.isNaN(score) || score < EMOTION_MIN || score > EMOTION_MAX) {
    throw new ImportError(
      `emotion "${text}" must start with a score from ${EMOTION_MIN} to +${EMOTION_MAX}, e.g. "+1 interest"`,
      where,
    );
  }
  return { score, label: (match[2] ?? "").trim() };
}

/** Accepts what spreadsheets produce: "10 000", "10,5", "12%". */
export function parseNumber(cell: string): number | undefined {
  const text = cell
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(/%$/, "")
    .replace(",", ".")
    .replace("−", "-");
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

function guessLang(texts: string[]): Lang {
  return texts.some((text) => /[а-яё]/i.test(text)) ? "ru" : "en";
}
