import { isCardLane, type JourneyMap } from "../../domain/journey-map.js";
import type { CommentTarget } from "../../domain/team/comment.js";

/** What a thread is pinned to, in words the drawer can show. */
export type TargetDescription =
  | { kind: "map" }
  | { kind: "stage"; name: string }
  | { kind: "card"; excerpt: string; stageName: string }
  | { kind: "gone" };

const EXCERPT_LENGTH = 60;

export function describeTarget(map: JourneyMap, target: CommentTarget): TargetDescription {
  if (target.kind === "map") return { kind: "map" };
  if (target.kind === "stage") {
    const stage = map.stages.find((s) => s.id === target.id);
    return stage ? { kind: "stage", name: stage.name } : { kind: "gone" };
  }
  const found = findCard(map, target.id);
  if (!found) return { kind: "gone" };
  return { kind: "card", excerpt: excerpt(found.text), stageName: found.stageName };
}

/** Map first, then stages left to right, then cards column by column and lane by lane; removed things last. */
export function targetRank(map: JourneyMap, target: CommentTarget): number {
  if (target.kind === "map") return 0;
  if (target.kind === "stage") {
    const index = map.stages.findIndex((s) => s.id === target.id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : 1 + index;
  }
  const found = findCard(map, target.id);
  return found ? 1 + map.stages.length + found.order : Number.MAX_SAFE_INTEGER;
}

function findCard(
  map: JourneyMap,
  cardId: string,
): { text: string; stageName: string; order: number } | null {
  let order = 0;
  for (const stage of map.stages) {
    for (const lane of map.lanes) {
      if (!isCardLane(lane)) continue;
      for (const card of lane.cells[stage.id] ?? []) {
        if (card.id === cardId) return { text: card.text, stageName: stage.name, order };
        order++;
      }
    }
  }
  return null;
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}
