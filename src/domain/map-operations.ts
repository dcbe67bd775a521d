import { z } from "zod";
import type { EventMatcher, eventMatcherSchema } from "./analytics/event-matcher.js";
import { NotFoundError, ValidationError } from "./errors.js";
import { newId } from "./ids.js";
import {
  type Card,
  type CardLane,
  type CardLaneType,
  cardSchema,
  EMOTION_MAX,
  EMOTION_MIN,
  type EmotionLane,
  type EmotionSeries,
  emotionSeriesSchema,
  idSchema,
  isCardLane,
  type JourneyMap,
  type Lane,
  type LaneType,
  laneTypeSchema,
  langSchema,
  MAX_CARDS_PER_CELL,
  MAX_LANES,
  MAX_STAGES,
  type MapFunnelSettings,
  type MetricRow,
  type MetricsLane,
  mapFunnelSettingsSchema,
  mapStateSchema,
  type metricKindSchema,
  metricRowSchema,
  NAME_MAX,
  nameSchema,
  type Stage,
  stageSchema,
  textSchema,
} from "./journey-map.js";
import { defaultLaneTitle, defaultPeopleRowName, defaultSeriesLabel } from "./lane-titles.js";
import { validateInput } from "./validate-input.js";

export { defaultLaneTitle } from "./lane-titles.js";

/*
 * Pure editor operations: each takes a map and its arguments and returns a new map, leaving the input
 * untouched (the UI keeps a stack of maps for undo/redo). Arguments are validated here because they
 * come straight from the UI, the API or the CLI; bad ones throw ValidationError, unknown ids NotFoundError.
 */

// ---------- stages ----------

/** Adds an empty stage at `index` (default: last). Pass `id` to know the new stage's id up front. */
export function addStage(
  map: JourneyMap,
  args: { name: string; description?: string; index?: number; id?: string },
): JourneyMap {
  if (map.stages.length >= MAX_STAGES) {
    throw new ValidationError(`a map can have at most ${MAX_STAGES} stages`, "stages");
  }
  const stage: Stage = {
    id: newEntityId(args.id, stageIds(map), "stage"),
    name: validateInput(nameSchema, args.name, "name"),
    description: validateInput(textSchema, args.description ?? "", "description"),
    substeps: [],
    matchers: [],
  };
  const index = validateIndex(args.index ?? map.stages.length, map.stages.length, "index");
  const lanes = map.lanes.map((lane) =>
    isCardLane(lane) ? { ...lane, cells: { ...lane.cells, [stage.id]: [] } } : lane,
  );
  return { ...map, stages: insertAt(map.stages, index, stage), lanes };
}

export function renameStage(map: JourneyMap, args: { stageId: string; name: string }): JourneyMap {
  return updateStage(map, { stageId: args.stageId, name: args.name });
}

/** Changes any of a stage's name, description and substeps; omitted fields stay as they are. */
export function updateStage(
  map: JourneyMap,
  args: { stageId: string; name?: string; description?: string; substeps?: string[] },
): JourneyMap {
  const current = findStage(map, args.stageId);
  const stage = validateInput(
    stageSchema,
    {
      ...current,
      ...(args.name !== undefined && { name: args.name }),
      ...(args.description !== undefined && { description: args.description }),
      ...(args.substeps !== undefined && { substeps: args.substeps }),
    },
    "stage",
  );
  return { ...map, stages: map.stages.map((s) => (s.id === stage.id ? stage : s)) };
}

/** Moves a stage to `toIndex` (its position after the move). */
export function moveStage(map: JourneyMap, args: { stageId: string; toIndex: number }): JourneyMap {
  const stage = findStage(map, args.stageId);
  const toIndex = validateIndex(args.toIndex, map.stages.length - 1, "toIndex");
  const rest = map.stages.filter((s) => s.id !== stage.id);
  return { ...map, stages: insertAt(rest, toIndex, stage) };
}

/** Deletes a stage with everything recorded for it: cards, emotion points, metric values and targets. */
export function deleteStage(map: JourneyMap, args: { stageId: string }): JourneyMap {
  const stage = findStage(map, args.stageId);
  if (map.stages.length === 1) {
    throw new ValidationError("a map needs at least one stage: add another stage before deleting this one");
  }
  const lanes = map.lanes.map((lane): Lane => {
    if (isCardLane(lane)) return { ...lane, cells: omitKey(lane.cells, stage.id) };
    if (lane.type === "emotion") {
      return { ...lane, series: lane.series.map((s) => ({ ...s, points: omitKey(s.points, stage.id) })) };
    }
    return {
      ...lane,
      rows: lane.rows.map((r) => ({
        ...r,
        values: omitKey(r.values, stage.id),
        targets: omitKey(r.targets, stage.id),
      })),
    };
  });
  return { ...map, stages: map.stages.filter((s) => s.id !== stage.id), lanes };
}

// ---------- lanes ----------

/**
 * Adds a lane of `type` at `index` (default: last), titled by type in the map's language unless `title`
 * is given. An emotion lane starts with one empty curve and a metrics lane with a "people" row, so both
 * are usable at once.
 */
export function addLane(
  map: JourneyMap,
  args: { type: LaneType; title?: string; index?: number; id?: string },
): JourneyMap {
  if (map.lanes.length >= MAX_LANES) {
    throw new ValidationError(`a map can have at most ${MAX_LANES} lanes`, "lanes");
  }
  const type = validateInput(laneTypeSchema, args.type, "type");
  const id = newEntityId(args.id, laneIds(map), "lane");
  const title = validateInput(nameSchema, args.title ?? defaultLaneTitle(type, map.lang), "title");
  const index = validateIndex(args.index ?? map.lanes.length, map.lanes.length, "index");
  return { ...map, lanes: insertAt(map.lanes, index, createLane(type, id, title, map)) };
}

function createLane(type: LaneType, id: string, title: string, map: JourneyMap): Lane {
  if (type === "emotion") {
    return { id, type, title, series: [emptySeries(newId(), defaultSeriesLabel(map.lang))] };
  }
  if (type === "metrics") {
    return { id, type, title, rows: [emptyMetricRow(newId(), "people", defaultPeopleRowName(map.lang))] };
  }
  const cells = Object.fromEntries(map.stages.map((s) => [s.id, []]));
  return { id, type: type as CardLaneType, title, cells };
}

export function renameLane(map: JourneyMap, args: { laneId: string; title: string }): JourneyMap {
  const lane = findLane(map, args.laneId);
  const title = validateInput(nameSchema, args.title, "title");
  return replaceLane(map, { ...lane, title });
}

/** Moves a lane to `toIndex` (its position after the move). */
export function moveLane(map: JourneyMap, args: { laneId: string; toIndex: number }): JourneyMap {
  const lane = findLane(map, args.laneId);
  const toIndex = validateIndex(args.toIndex, map.lanes.length - 1, "toIndex");
  const rest = map.lanes.filter((l) => l.id !== lane.id);
  return { ...map, lanes: insertAt(rest, toIndex, lane) };
}

export function deleteLane(map: JourneyMap, args: { laneId: string }): JourneyMap {
  const lane = findLane(map, args.laneId);
  return { ...map, lanes: map.lanes.filter((l) => l.id !== lane.id) };
}

// ---------- cards ----------

/** What a caller may give for a new card; `id` lets the UI know (and select) the new card. */
export type CardDraft = Partial<z.input<typeof cardSchema>>;
/** Fields of a card that `updateCard` may change. */
export type CardPatch = Partial<Omit<z.input<typeof cardSchema>, "id">>;

/**
 * Adds a card to the cell (laneId × stageId) at `index` (default: last).
 * @example addCard(map, { laneId, stageId, card: { id: newId(), text: "Slow page", severity: "high" } })
 */
export function addCard(
  map: JourneyMap,
  args: { laneId: string; stageId: string; card?: CardDraft; index?: number },
): JourneyMap {
  const lane = findCardLane(map, args.laneId);
  const stage = findStage(map, args.stageId);
  const cell = lane.cells[stage.id] ?? [];
  if (cell.length >= MAX_CARDS_PER_CELL) {
    throw new ValidationError(`a cell can hold at most ${MAX_CARDS_PER_CELL} cards`, "card");
  }
  const id = newEntityId(args.card?.id, cardIds(map), "card");
  const card = validateInput(cardSchema, { ...args.card, text: args.card?.text ?? "", id }, "card");
  const index = validateIndex(args.index ?? cell.length, cell.length, "index");
  return replaceLane(map, { ...lane, cells: { ...lane.cells, [stage.id]: insertAt(cell, index, card) } });
}

/** Changes some fields of a card; `id` cannot change. */
export function updateCard(
  map: JourneyMap,
  args: { laneId: string; stageId: string; cardId: string; patch: CardPatch },
): JourneyMap {
  const lane = findCardLane(map, args.laneId);
  const stage = findStage(map, args.stageId);
  const cell = lane.cells[stage.id] ?? [];
  const current = findCard(cell, args.cardId, lane, stage);
  const card = validateInput(cardSchema, { ...current, ...args.patch, id: current.id }, "card");
  const cells = { ...lane.cells, [stage.id]: cell.map((c) => (c.id === card.id ? card : c)) };
  return replaceLane(map, { ...lane, cells });
}

/**
 * Moves a card within its lane, to another position or another stage. `toIndex` is the card's position
 * in the target cell after the move.
 */
export function moveCard(
  map: JourneyMap,
  args: { laneId: string; fromStageId: string; cardId: string; toStageId: string; toIndex: number },
): JourneyMap {
  const lane = findCardLane(map, args.laneId);
  const from = findStage(map, args.fromStageId);
  const to = findStage(map, args.toStageId);
  const card = findCard(lane.cells[from.id] ?? [], args.cardId, lane, from);
  const source = (lane.cells[from.id] ?? []).filter((c) => c.id !== card.id);
  const cells = { ...lane.cells, [from.id]: source };
  const target = cells[to.id] ?? [];
  if (from.id !== to.id && target.length >= MAX_CARDS_PER_CELL) {
    throw new ValidationError(`a cell can hold at most ${MAX_CARDS_PER_CELL} cards`, "toStageId");
  }
  const toIndex = validateIndex(args.toIndex, target.length, "toIndex");
  return replaceLane(map, { ...lane, cells: { ...cells, [to.id]: insertAt(target, toIndex, card) } });
}

export function deleteCard(
  map: JourneyMap,
  args: { laneId: string; stageId: string; cardId: string },
): JourneyMap {
  const lane = findCardLane(map, args.laneId);
  const stage = findStage(map, args.stageId);
  const cell = lane.cells[stage.id] ?? [];
  const card = findCard(cell, args.cardId, lane, stage);
  return replaceLane(map, { ...lane, cells: { ...lane.cells, [stage.id]: cell.filter((c) => c !== card) } });
}

// ---------- emotion ----------

const seriesPatchSchema = emotionSeriesSchema.pick({ label: true, personaId: true, state: true }).partial();
export type EmotionSeriesPatch = z.input<typeof seriesPatchSchema>;

/** Adds a curve (e.g. the to-be curve or another persona's) to an emotion lane. */
export function addEmotionSeries(
  map: JourneyMap,
  args: { laneId: string; id?: string } & EmotionSeriesPatch,
): JourneyMap {
  const lane = findEmotionLane(map, args.laneId);
  if (lane.series.length >= 20)
    throw new ValidationError("an emotion lane can hold at most 20 curves", "series");
  const id = newEntityId(
    args.id,
    lane.series.map((s) => s.id),
    "emotion series",
  );
  const series = validateInput(
    emotionSeriesSchema,
    { id, label: args.label, personaId: args.personaId, state: args.state },
    "series",
  );
  return replaceLane(map, { ...lane, series: [...lane.series, series] });
}

export function updateEmotionSeries(
  map: JourneyMap,
  args: { laneId: string; seriesId: string; patch: EmotionSeriesPatch },
): JourneyMap {
  const lane = findEmotionLane(map, args.laneId);
  const current = findSeries(lane, args.seriesId);
  const patch = withoutUndefined(validateInput(seriesPatchSchema, args.patch, "patch"));
  return replaceSeries(map, lane, { ...current, ...patch });
}

export function deleteEmotionSeries(map: JourneyMap, args: { laneId: string; seriesId: string }): JourneyMap {
  const lane = findEmotionLane(map, args.laneId);
  const series = findSeries(lane, args.seriesId);
  return replaceLane(map, { ...lane, series: lane.series.filter((s) => s !== series) });
}

/**
 * Sets a curve's score at a stage. The score is rounded to the nearest 0.5 and clamped to −2…+2,
 * so a dragged point always lands on the scale. Without `label` the point keeps its label.
 */
export function setEmotionPoint(
  map: JourneyMap,
  args: { laneId: string; seriesId: string; stageId: string; score: number; label?: string },
): JourneyMap {
  const lane = findEmotionLane(map, args.laneId);
  const series = findSeries(lane, args.seriesId);
  const stage = findStage(map, args.stageId);
  const raw = validateInput(z.number().finite(), args.score, "score");
  const score = Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, Math.round(raw * 2) / 2));
  const label = validateInput(
    z.string().max(NAME_MAX),
    args.label ?? series.points[stage.id]?.label ?? "",
    "label",
  );
  return replaceSeries(map, lane, { ...series, points: { ...series.points, [stage.id]: { score, label } } });
}

export function clearEmotionPoint(
  map: JourneyMap,
  args: { laneId: string; seriesId: string; stageId: string },
): JourneyMap {
  const lane = findEmotionLane(map, args.laneId);
  const series = findSeries(lane, args.seriesId);
  const stage = findStage(map, args.stageId);
  return replaceSeries(map, lane, { ...series, points: omitKey(series.points, stage.id) });
}

// ---------- metrics ----------

const rowPatchSchema = metricRowSchema.pick({ kind: true, name: true, unit: true, source: true }).partial();
export type MetricRowPatch = z.input<typeof rowPatchSchema>;

/** Adds a KPI row (people count, NPS, CSAT or custom) to a metrics lane. */
export function addMetricRow(
  map: JourneyMap,
  args: { laneId: string; kind: z.input<typeof metricKindSchema>; id?: string } & Omit<
    MetricRowPatch,
    "kind"
  >,
): JourneyMap {
  const lane = findMetricsLane(map, args.laneId);
  if (lane.rows.length >= 20) throw new ValidationError("a metrics lane can hold at most 20 rows", "rows");
  const id = newEntityId(
    args.id,
    lane.rows.map((r) => r.id),
    "metric row",
  );
  const row = validateInput(
    metricRowSchema,
    { id, kind: args.kind, name: args.name, unit: args.unit, source: args.source },
    "row",
  );
  return replaceLane(map, { ...lane, rows: [...lane.rows, row] });
}

export function updateMetricRow(
  map: JourneyMap,
  args: { laneId: string; rowId: string; patch: MetricRowPatch },
): JourneyMap {
  const lane = findMetricsLane(map, args.laneId);
  const current = findRow(lane, args.rowId);
  const patch = withoutUndefined(validateInput(rowPatchSchema, args.patch, "patch"));
  const row = { ...current, ...patch };
  if (row.kind === "people") assertNoNegativeCounts(row);
  return replaceRow(map, lane, row);
}

export function deleteMetricRow(map: JourneyMap, args: { laneId: string; rowId: string }): JourneyMap {
  const lane = findMetricsLane(map, args.laneId);
  const row = findRow(lane, args.rowId);
  return replaceLane(map, { ...lane, rows: lane.rows.filter((r) => r !== row) });
}

/** Sets a row's value at a stage; `null` clears it (the stage then has no count). */
export function setMetricValue(
  map: JourneyMap,
  args: { laneId: string; rowId: string; stageId: string; value: number | null },
): JourneyMap {
  const lane = findMetricsLane(map, args.laneId);
  const row = findRow(lane, args.rowId);
  const stage = findStage(map, args.stageId);
  if (args.value === null) return replaceRow(map, lane, { ...row, values: omitKey(row.values, stage.id) });
  const value = validateInput(z.number().finite(), args.value, "value");
  if (row.kind === "people" && value < 0) {
    throw new ValidationError(`value: a people count cannot be negative (got ${value})`, "value");
  }
  return replaceRow(map, lane, { ...row, values: { ...row.values, [stage.id]: value } });
}

/**
 * Sets the target conversion (0–100 %) into a stage from the previous counted stage; `null` clears it.
 */
export function setTargetConversion(
  map: JourneyMap,
  args: { laneId: string; rowId: string; stageId: string; target: number | null },
): JourneyMap {
  const lane = findMetricsLane(map, args.laneId);
  const row = findRow(lane, args.rowId);
  const stage = findStage(map, args.stageId);
  if (args.target === null) return replaceRow(map, lane, { ...row, targets: omitKey(row.targets, stage.id) });
  const target = validateInput(
    z.number().min(0, "must be at least 0 %").max(100, "must be at most 100 %"),
    args.target,
    "target",
  );
  return replaceRow(map, lane, { ...row, targets: { ...row.targets, [stage.id]: target } });
}

// ---------- binding to data ----------

/** Binds a stage to the events that mean "a person reached it" (any of them); `[]` unbinds it. */
export function setStageMatchers(
  map: JourneyMap,
  args: { stageId: string; matchers: z.input<typeof eventMatcherSchema>[] },
): JourneyMap {
  const stage = findStage(map, args.stageId);
  const matchers: EventMatcher[] = validateInput(stageSchema.shape.matchers, args.matchers, "matchers");
  return { ...map, stages: map.stages.map((s) => (s === stage ? { ...s, matchers } : s)) };
}

/** Changes how the map's funnel is computed from data; omitted fields stay as they are. */
export function setFunnelSettings(map: JourneyMap, args: Partial<MapFunnelSettings>): JourneyMap {
  const settings = validateInput(
    mapFunnelSettingsSchema,
    { ...map.funnelSettings, ...withoutUndefined(args) },
    "funnelSettings",
  );
  return { ...map, funnelSettings: settings };
}

export type PeopleFromData = {
  /** People per stage id, as counted by the funnel over the map's bound stages. */
  people: Record<string, number>;
  computedAt: string;
  from: number | null;
  to: number | null;
  sources: string[];
};

/**
 * Writes funnel counts into the people row of the first metrics lane (adding the row when missing),
 * marks it as analytics evidence and records where the numbers came from. Stages without a count keep
 * their typed value, since an unbound stage (say, ad impressions) may come from another tool.
 */
export function setPeopleFromData(map: JourneyMap, args: PeopleFromData): JourneyMap {
  const lane = map.lanes.find((candidate): candidate is MetricsLane => candidate.type === "metrics");
  if (!lane) throw new ValidationError("the map has no metrics lane: add one to hold the counts", "lanes");
  for (const stageId of Object.keys(args.people)) findStage(map, stageId);
  const fromData = validateInput(
    metricRowSchema.shape.fromData,
    { computedAt: args.computedAt, from: args.from, to: args.to, sources: args.sources },
    "fromData",
  );
  const counts = validateInput(z.record(z.string(), z.number().int().nonnegative()), args.people, "people");
  const current = lane.rows.find((row) => row.kind === "people");
  if (!current && lane.rows.length >= 20) {
    throw new ValidationError("a metrics lane can hold at most 20 rows", "rows");
  }
  const base = current ?? emptyMetricRow(newId(), "people", "");
  const row: MetricRow = {
    ...base,
    values: { ...base.values, ...counts },
    source: "analytics",
    fromData,
  };
  const rows = current ? lane.rows.map((r) => (r === current ? row : r)) : [...lane.rows, row];
  return replaceLane(map, { ...lane, rows });
}

// ---------- map ----------

const mapInfoSchema = z
  .object({
    title: nameSchema,
    description: textSchema,
    segment: textSchema,
    state: mapStateSchema,
    personaIds: z.array(idSchema).max(20),
    lang: langSchema,
  })
  .partial();
export type MapInfoPatch = z.input<typeof mapInfoSchema>;

/** Changes the map's own fields; omitted ones stay as they are. */
export function updateMapInfo(map: JourneyMap, args: MapInfoPatch): JourneyMap {
  const patch = withoutUndefined(validateInput(mapInfoSchema, args, "map"));
  const personaIds = patch.personaIds && [...new Set(patch.personaIds)];
  return { ...map, ...patch, ...(personaIds && { personaIds }) };
}

// ---------- lookups and immutable updates ----------

function findStage(map: JourneyMap, stageId: string): Stage {
  const stage = map.stages.find((s) => s.id === stageId);
  if (!stage) throw new NotFoundError(`stage "${stageId}"`);
  return stage;
}

function findLane(map: JourneyMap, laneId: string): Lane {
  const lane = map.lanes.find((l) => l.id === laneId);
  if (!lane) throw new NotFoundError(`lane "${laneId}"`);
  return lane;
}

function findCardLane(map: JourneyMap, laneId: string): CardLane {
  const lane = findLane(map, laneId);
  if (!isCardLane(lane))
    throw new ValidationError(`lane "${lane.title}" is a ${lane.type} lane and holds no cards`);
  return lane;
}

function findEmotionLane(map: JourneyMap, laneId: string): EmotionLane {
  const lane = findLane(map, laneId);
  if (lane.type !== "emotion") throw new ValidationError(`lane "${lane.title}" is not an emotion lane`);
  return lane;
}

function findMetricsLane(map: JourneyMap, laneId: string): MetricsLane {
  const lane = findLane(map, laneId);
  if (lane.type !== "metrics") throw new ValidationError(`lane "${lane.title}" is not a metrics lane`);
  return lane;
}

function findCard(cell: Card[], cardId: string, lane: CardLane, stage: Stage): Card {
  const card = cell.find((c) => c.id === cardId);
  if (!card) throw new NotFoundError(`card "${cardId}" in lane "${lane.title}", stage "${stage.name}"`);
  return card;
}

function findSeries(lane: EmotionLane, seriesId: string): EmotionSeries {
  const series = lane.series.find((s) => s.id === seriesId);
  if (!series) throw new NotFoundError(`emotion series "${seriesId}" in lane "${lane.title}"`);
  return series;
}

function findRow(lane: MetricsLane, rowId: string): MetricRow {
  const row = lane.rows.find((r) => r.id === rowId);
  if (!row) throw new NotFoundError(`metric row "${rowId}" in lane "${lane.title}"`);
  return row;
}

function replaceLane(map: JourneyMap, lane: Lane): JourneyMap {
  return { ...map, lanes: map.lanes.map((l) => (l.id === lane.id ? lane : l)) };
}

function replaceSeries(map: JourneyMap, lane: EmotionLane, series: EmotionSeries): JourneyMap {
  return replaceLane(map, { ...lane, series: lane.series.map((s) => (s.id === series.id ? series : s)) });
}

function replaceRow(map: JourneyMap, lane: MetricsLane, row: MetricRow): JourneyMap {
  return replaceLane(map, { ...lane, rows: lane.rows.map((r) => (r.id === row.id ? row : r)) });
}

function emptySeries(id: string, label: string): EmotionSeries {
  return { id, label, personaId: null, state: "as-is", points: {} };
}

function emptyMetricRow(id: string, kind: MetricRow["kind"], name: string): MetricRow {
  return { id, kind, name, unit: "", values: {}, targets: {}, source: "assumption", fromData: null };
}

function assertNoNegativeCounts(row: MetricRow): void {
  const negative = Object.values(row.values).find((v) => v !== null && v < 0);
  if (negative !== undefined) {
    throw new ValidationError(`kind: a people row cannot hold negative values (found ${negative})`, "kind");
  }
}

/** Uses the caller's id (validated, unique) or makes a fresh one. */
function newEntityId(requested: string | undefined, taken: string[], what: string): string {
  if (requested === undefined) return newId();
  const id = validateInput(idSchema, requested, "id");
  if (taken.includes(id)) throw new ValidationError(`id: a ${what} with id "${id}" already exists`, "id");
  return id;
}

function validateIndex(index: number, max: number, field: string): number {
  if (!Number.isInteger(index) || index < 0 || index > max) {
    throw new ValidationError(`${field}: must be a whole number from 0 to ${max} (got ${index})`, field);
  }
  return index;
}

/** Drops keys whose value is undefined, so `{ title: undefined }` leaves the title alone. */
function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  return [...items.slice(0, index), item, ...items.slice(index)];
}

function omitKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function stageIds(map: JourneyMap): string[] {
  return map.stages.map((s) => s.id);
}

function laneIds(map: JourneyMap): string[] {
  return map.lanes.map((l) => l.id);
}

/** Card ids are unique across the whole map so a card can be addressed by id alone. */
function cardIds(map: JourneyMap): string[] {
  return map.lanes
    .flatMap((lane) => (isCardLane(lane) ? Object.values(lane.cells).flat() : []))
    .map((c) => c.id);
}
