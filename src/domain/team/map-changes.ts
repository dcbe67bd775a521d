import { z } from "zod";
import {
  type Card,
  type EmotionLane,
  isCardLane,
  type JourneyMap,
  type Lane,
  type MetricsLane,
} from "../journey-map.js";

export const MAP_CHANGE_KINDS = [
  "title-changed",
  "description-changed",
  "settings-changed",
  "personas-changed",
  "funnel-changed",
  "reviewed",
  "stage-added",
  "stage-renamed",
  "stage-edited",
  "stage-moved",
  "stage-removed",
  "lane-added",
  "lane-renamed",
  "lane-moved",
  "lane-removed",
  "card-added",
  "card-edited",
  "card-moved",
  "card-removed",
  "emotion-changed",
  "metrics-changed",
  /** Stands for `count` further changes left out by the cap. */
  "more",
] as const;
export type MapChangeKind = (typeof MAP_CHANGE_KINDS)[number];

/** The most changes one activity entry lists; the rest are counted in a final "more". */
export const MAX_MAP_CHANGES = 12;
/** Card texts and names are quoted up to this many characters. */
export const CHANGE_TEXT_MAX = 80;

/**
 * One change of a map, in the words a reader needs: the stage and lane by their names (as they are
 * after the change; before it for removals), `text` the card's text or the new name, `from` the old
 * name. `id` names the changed stage, lane or card, so later edits of the same thing can be merged.
 */
export const mapChangeSchema = z.object({
  kind: z.enum(MAP_CHANGE_KINDS),
  id: z.string().max(64).optional(),
  stage: z
    .string()
    .max(CHANGE_TEXT_MAX + 1)
    .optional(),
  lane: z
    .string()
    .max(CHANGE_TEXT_MAX + 1)
    .optional(),
  text: z
    .string()
    .max(CHANGE_TEXT_MAX + 1)
    .optional(),
  from: z
    .string()
    .max(CHANGE_TEXT_MAX + 1)
    .optional(),
  count: z.number().int().positive().optional(),
});
export type MapChange = z.infer<typeof mapChangeSchema>;

/** What changed from `before` to `after`, map-wide first, then stages, lanes and cells; capped. */
export function describeMapChanges(before: JourneyMap, after: JourneyMap): MapChange[] {
  return capChanges([
    ...describeMapFields(before, after),
    ...describeStages(before, after),
    ...describeLanes(before, after),
    ...describeCards(before, after),
    ...describeEmotions(before, after),
    ...describeMetrics(before, after),
  ]);
}

/**
 * The changes of two edits in a row as one list (live editing writes one activity line per burst):
 * a later change of the same thing replaces the earlier one, keeping where it came `from`, and a card
 * added and then edited stays "added" with its latest text.
 */
export function mergeMapChanges(earlier: readonly MapChange[], later: readonly MapChange[]): MapChange[] {
  let hidden = 0;
  const merged: MapChange[] = [];
  for (const change of [...earlier, ...later]) {
    if (change.kind === "more") {
      hidden += change.count ?? 0;
      continue;
    }
    const index = merged.findIndex((kept) => sameSubject(kept, change));
    const kept = merged[index];
    if (!kept) merged.push(change);
    else if (kept.kind === "card-added" && change.kind === "card-edited") {
      merged[index] = { ...kept, ...withoutKind(change) };
    } else merged[index] = { ...kept, ...change, ...(kept.from === undefined ? {} : { from: kept.from }) };
  }
  return capChanges(merged, hidden);
}

function sameSubject(a: MapChange, b: MapChange): boolean {
  if (a.id !== undefined || b.id !== undefined) {
    return a.id === b.id && (a.kind === b.kind || (a.kind === "card-added" && b.kind === "card-edited"));
  }
  return a.kind === b.kind && a.stage === b.stage && a.lane === b.lane && a.text === b.text;
}

function withoutKind(change: MapChange): Omit<MapChange, "kind"> {
  const { kind: _kind, ...rest } = change;
  return rest;
}

function capChanges(changes: MapChange[], alreadyHidden = 0): MapChange[] {
  const hidden = alreadyHidden + Math.max(0, changes.length - MAX_MAP_CHANGES);
  const shown = changes.slice(0, MAX_MAP_CHANGES);
  return hidden > 0 ? [...shown, { kind: "more", count: hidden }] : shown;
}

/** Quoted text stays short: an activity line is a pointer to the map, not a copy of it. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > CHANGE_TEXT_MAX ? `${flat.slice(0, CHANGE_TEXT_MAX)}…` : flat;
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

function describeMapFields(before: JourneyMap, after: JourneyMap): MapChange[] {
  const changes: MapChange[] = [];
  if (before.title !== after.title) {
    changes.push({ kind: "title-changed", text: excerpt(after.title), from: excerpt(before.title) });
  }
  if (before.description !== after.description) changes.push({ kind: "description-changed" });
  if (before.state !== after.state || before.segment !== after.segment || before.lang !== after.lang) {
    changes.push({ kind: "settings-changed" });
  }
  if (differs(before.personaIds, after.personaIds)) changes.push({ kind: "personas-changed" });
  if (differs(before.funnelSettings, after.funnelSettings)) changes.push({ kind: "funnel-changed" });
  if (after.lastReviewedAt !== null && before.lastReviewedAt !== after.lastReviewedAt) {
    changes.push({ kind: "reviewed" });
  }
  return changes;
}

function describeStages(before: JourneyMap, after: JourneyMap): MapChange[] {
  const changes: MapChange[] = [];
  const old = new Map(before.stages.map((stage) => [stage.id, stage]));
  const kept = new Set(after.stages.map((stage) => stage.id));
  for (const stage of after.stages) {
    const was = old.get(stage.id);
    const named = { id: stage.id, stage: excerpt(stage.name) };
    if (!was) changes.push({ kind: "stage-added", ...named });
    else {
      if (was.name !== stage.name) changes.push({ kind: "stage-renamed", ...named, from: excerpt(was.name) });
      if (differs({ ...was, name: "" }, { ...stage, name: "" }))
        changes.push({ kind: "stage-edited", ...named });
    }
  }
  for (const id of movedIds(before.stages, after.stages)) {
    const stage = after.stages.find((candidate) => candidate.id === id);
    if (stage) changes.push({ kind: "stage-moved", id, stage: excerpt(stage.name) });
  }
  for (const stage of before.stages) {
    if (!kept.has(stage.id)) {
      changes.push({ kind: "stage-removed", id: stage.id, stage: excerpt(stage.name) });
    }
  }
  return changes;
}

function describeLanes(before: JourneyMap, after: JourneyMap): MapChange[] {
  const changes: MapChange[] = [];
  const old = new Map(before.lanes.map((lane) => [lane.id, lane]));
  const kept = new Set(after.lanes.map((lane) => lane.id));
  for (const lane of after.lanes) {
    const was = old.get(lane.id);
    const named = { id: lane.id, lane: excerpt(lane.title) };
    if (!was) changes.push({ kind: "lane-added", ...named });
    else if (was.title !== lane.title) {
      changes.push({ kind: "lane-renamed", ...named, from: excerpt(was.title) });
    }
  }
  for (const id of movedIds(before.lanes, after.lanes)) {
    const lane = after.lanes.find((candidate) => candidate.id === id);
    if (lane) changes.push({ kind: "lane-moved", id, lane: excerpt(lane.title) });
  }
  for (const lane of before.lanes) {
    if (!kept.has(lane.id)) changes.push({ kind: "lane-removed", id: lane.id, lane: excerpt(lane.title) });
  }
  return changes;
}

/** Where each card sits: its lane, its stage and its place in the cell. */
type PlacedCard = { card: Card; laneId: string; laneTitle: string; stageId: string; index: number };

function placeCards(map: JourneyMap): Map<string, PlacedCard> {
  const placed = new Map<string, PlacedCard>();
  for (const lane of map.lanes) {
    if (!isCardLane(lane)) continue;
    for (const [stageId, cards] of Object.entries(lane.cells)) {
      cards.forEach((card, index) => {
        placed.set(card.id, { card, laneId: lane.id, laneTitle: lane.title, stageId, index });
      });
    }
  }
  return placed;
}

function describeCards(before: JourneyMap, after: JourneyMap): MapChange[] {
  const changes: MapChange[] = [];
  const oldCards = placeCards(before);
  const newCards = placeCards(after);
  const stageName = (map: JourneyMap, id: string) =>
    excerpt(map.stages.find((stage) => stage.id === id)?.name ?? "");
  for (const [id, now] of newCards) {
    const was = oldCards.get(id);
    const where = { id, stage: stageName(after, now.stageId), lane: excerpt(now.laneTitle) };
    const text = excerpt(now.card.text);
    if (!was) changes.push({ kind: "card-added", ...where, text });
    else {
      if (was.laneId !== now.laneId || was.stageId !== now.stageId || was.index !== now.index) {
        if (!cardShiftedOnly(was, now, oldCards, newCards))
          changes.push({ kind: "card-moved", ...where, text });
      }
      if (differs(was.card, now.card)) changes.push({ kind: "card-edited", ...where, text });
    }
  }
  for (const [id, was] of oldCards) {
    if (!newCards.has(id)) {
      const where = { id, stage: stageName(before, was.stageId), lane: excerpt(was.laneTitle) };
      changes.push({ kind: "card-removed", ...where, text: excerpt(was.card.text) });
    }
  }
  return changes;
}

/**
 * A card whose cell is the same but whose index changed only because a card before it came or went
 * did not move itself; among the cell's cards that both maps hold, only ones out of order moved.
 */
function cardShiftedOnly(
  was: PlacedCard,
  now: PlacedCard,
  oldCards: Map<string, PlacedCard>,
  newCards: Map<string, PlacedCard>,
): boolean {
  if (was.laneId !== now.laneId || was.stageId !== now.stageId) return false;
  const inCell = (cards: Map<string, PlacedCard>) =>
    [...cards.values()]
      .filter((placed) => placed.laneId === now.laneId && placed.stageId === now.stageId)
      .filter((placed) => oldCards.has(placed.card.id) && newCards.has(placed.card.id))
      .sort((a, b) => a.index - b.index)
      .map((placed) => ({ id: placed.card.id }));
  return !movedIds(inCell(oldCards), inCell(newCards)).includes(now.card.id);
}

/**
 * The ids that both lists hold but whose order changed: everything outside the longest run kept in
 * the old order (so moving one stage reports that stage, not every stage it jumped over).
 */
function movedIds(before: readonly { id: string }[], after: readonly { id: string }[]): string[] {
  const oldIndex = new Map(before.map((item, index) => [item.id, index]));
  const common = after.filter((item) => oldIndex.has(item.id)).map((item) => item.id);
  const positions = common.map((id) => oldIndex.get(id) ?? 0);
  const inOrder = longestIncreasing(positions);
  return common.filter((_, index) => !inOrder.has(index));
}

/** Indexes of one longest strictly increasing subsequence (n ≤ a few hundred, so O(n²) is fine). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  let best = -1;
  values.forEach((value, i) => {
    for (let j = 0; j < i; j++) {
      if ((values[j] ?? 0) < value && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || (length[i] ?? 0) > (length[best] ?? 0)) best = i;
  });
  const chosen = new Set<number>();
  for (let i = best; i >= 0; i = previous[i] ?? -1) chosen.add(i);
  return chosen;
}

function lanesOfType<T extends Lane>(map: JourneyMap, type: T["type"]): T[] {
  return map.lanes.filter((lane): lane is T => lane.type === type);
}

/** One change per stage whose point moved on any curve, and one for curves added, removed or renamed. */
function describeEmotions(before: JourneyMap, after: JourneyMap): MapChange[] {
  const changes: MapChange[] = [];
  const old = new Map(lanesOfType<EmotionLane>(before, "emotion").map((lane) => [lane.id, lane]));
  for (const lane of lanesOfType<EmotionLane>(after, "emotion")) {
    const was = old.get(lane.id);
    if (!was) continue;
    const curves = (l: EmotionLane) => l.series.map(({ points: _points, ...curve }) => curve);
    if (differs(curves(was), curves(lane)))
      changes.push({ kind: "emotion-changed", lane: excerpt(lane.title) });
    for (const stage of after.stages) {
      const point = (l: EmotionLane) => l.series.map((series) => series.points[stage.id] ?? null);
      if (differs(point(was), point(lane))) {
        changes.push({ kind: "emotion-changed", lane: excerpt(lane.title), stage: excerpt(stage.name) });
      }
    }
  }
  return changes;
}

/** One change per stage whose number or target changed in any row, and one for rows added, removed or renamed. */
function describeMetrics(before: JourneyMap, after: JourneyMap): MapChange[] {
  const changes: MapChange[] = [];
  const old = new Map(lanesOfType<MetricsLane>(before, "metrics").map((lane) => [lane.id, lane]));
  for (const lane of lanesOfType<MetricsLane>(after, "metrics")) {
    const was = old.get(lane.id);
    if (!was) continue;
    const rows = (l: MetricsLane) => l.rows.map(({ values: _v, targets: _t, fromData: _f, ...row }) => row);
    if (differs(rows(was), rows(lane))) changes.push({ kind: "metrics-changed", lane: excerpt(lane.title) });
    for (const stage of after.stages) {
      const cell = (l: MetricsLane) =>
        l.rows.map((row) => [row.values[stage.id] ?? null, row.targets[stage.id] ?? null]);
      if (differs(cell(was), cell(lane))) {
        changes.push({ kind: "metrics-changed", lane: excerpt(lane.title), stage: excerpt(stage.name) });
      }
    }
  }
  return changes;
}
