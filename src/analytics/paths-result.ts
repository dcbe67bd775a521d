import type { PathsGraph, PathsQuery, PathsResult, PersonPath } from "../domain/analytics/paths-query.js";

type Tally = { people: number; transitions: number };

/**
 * Turns per-person stage sequences into the result every engine returns, so engines only find
 * each person's collapsed sequence and next event. Ties are broken here, once: paths by stage
 * indexes (a prefix first), next events by name.
 */
export function buildPathsResult(query: PathsQuery, paths: PersonPath[]): PathsResult {
  const entered = paths.filter((path) => path.stages.length > 0);
  return {
    people: sum(entered.map((path) => path.people)),
    stages: stagesOf(query, entered),
    transitions: transitionsOf(query, entered),
    backMoves: backMovesOf(entered),
    topPaths: topPathsOf(query, entered),
    dropOffs: dropOffsOf(query, entered),
    graph: graphOf(query, entered),
  };
}

/** People per stage: those whose path passes it at least once. */
function stagesOf(query: PathsQuery, paths: PersonPath[]): PathsResult["stages"] {
  const people = query.stages.map(() => 0);
  // Paths of looping people run to thousands of stages: mark a stage as counted for path p with p.
  const countedFor = query.stages.map(() => -1);
  paths.forEach((path, p) => {
    for (const stage of path.stages) {
      if (countedFor[stage - 1] === p) continue;
      countedFor[stage - 1] = p;
      people[stage - 1] = (people[stage - 1] ?? 0) + path.people;
    }
  });
  return query.stages.map((stage, k) => ({ stage: k + 1, name: stage.name, people: people[k] ?? 0 }));
}

function transitionsOf(query: PathsQuery, paths: PersonPath[]): PathsResult["transitions"] {
  const tallies = new Map<number, Tally & { from: number; to: number; countedFor: number }>();
  paths.forEach((path, p) => {
    forEachMove(path.stages, (from, to) => {
      // Stages are at most 32 (bitmasks), so this key is one number per pair.
      const key = from * 64 + to;
      let tally = tallies.get(key);
      if (!tally) {
        tally = { from, to, people: 0, transitions: 0, countedFor: -1 };
        tallies.set(key, tally);
      }
      tally.transitions += path.people;
      if (tally.countedFor !== p) tally.people += path.people;
      tally.countedFor = p;
    });
  });
  return [...tallies.values()]
    .map(({ from, to, people, transitions }) => ({
      from,
      to,
      fromName: stageName(query, from),
      toName: stageName(query, to),
      direction: to > from ? ("forward" as const) : ("backward" as const),
      people,
      transitions,
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

function backMovesOf(paths: PersonPath[]): PathsResult["backMoves"] {
  const byCount = new Map<number, number>();
  for (const path of paths) {
    let back = 0;
    forEachMove(path.stages, (from, to) => {
      if (to < from) back++;
    });
    byCount.set(back, (byCount.get(back) ?? 0) + path.people);
  }
  const distribution = [...byCount.entries()]
    .map(([backMoves, people]) => ({ backMoves, people }))
    .sort((a, b) => a.backMoves - b.backMoves);
  return {
    people: sum(distribution.filter((row) => row.backMoves > 0).map((row) => row.people)),
    distribution,
  };
}

function topPathsOf(query: PathsQuery, paths: PersonPath[]): PathsResult["topPaths"] {
  const byPath = new Map<string, { stages: number[]; people: number }>();
  for (const path of paths) {
    const key = path.stages.join(",");
    const row = byPath.get(key) ?? { stages: path.stages, people: 0 };
    row.people += path.people;
    byPath.set(key, row);
  }
  return [...byPath.values()]
    .sort((a, b) => b.people - a.people || compareSequences(a.stages, b.stages))
    .slice(0, query.top)
    .map((row) => ({ ...row, names: row.stages.map((stage) => stageName(query, stage)) }));
}

/** The last stage is where a journey ends well, so only the earlier stages count as drop-offs. */
function dropOffsOf(query: PathsQuery, paths: PersonPath[]): PathsResult["dropOffs"] {
  return query.stages.slice(0, -1).map((stage, k) => {
    const stopped = paths.filter((path) => path.stages[path.stages.length - 1] === k + 1);
    const byEvent = new Map<string, number>();
    for (const path of stopped) {
      if (path.nextEvent !== null)
        byEvent.set(path.nextEvent, (byEvent.get(path.nextEvent) ?? 0) + path.people);
    }
    const nextEvents = [...byEvent.entries()]
      .map(([event, people]) => ({ event, people }))
      .sort((a, b) => b.people - a.people || compareText(a.event, b.event))
      .slice(0, query.top);
    return {
      stage: k + 1,
      name: stage.name,
      people: sum(stopped.map((path) => path.people)),
      noNextEvent: sum(stopped.filter((path) => path.nextEvent === null).map((path) => path.people)),
      nextEvents,
    };
  });
}

/**
 * Layers by position in the path, so the graph has no cycles even when people loop back (a Sankey
 * chart needs that): a unit at stage s in position d is node `d:s`, and each of its moves a link
 * from layer d to d + 1. Positions from `maxDepth` on are left out.
 */
function graphOf(query: PathsQuery, paths: PersonPath[]): PathsGraph {
  const nodes = new Map<string, PathsGraph["nodes"][number]>();
  const links = new Map<string, PathsGraph["links"][number] & { depth: number; from: number; to: number }>();
  for (const path of paths) {
    const shown = path.stages.slice(0, query.maxDepth);
    shown.forEach((stage, depth) => {
      const id = nodeId(depth, stage);
      const node = nodes.get(id) ?? { id, depth, stage, name: stageName(query, stage), people: 0 };
      node.people += path.people;
      nodes.set(id, node);
    });
    forEachMove(shown, (from, to, depth) => {
      const source = nodeId(depth, from);
      const target = nodeId(depth + 1, to);
      const key = `${source}>${target}`;
      const direction = to > from ? ("forward" as const) : ("backward" as const);
      const link = links.get(key) ?? { source, target, people: 0, direction, depth, from, to };
      link.people += path.people;
      links.set(key, link);
    });
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => a.depth - b.depth || a.stage - b.stage),
    links: [...links.values()]
      .sort((a, b) => a.depth - b.depth || a.from - b.from || a.to - b.to)
      .map(({ source, target, people, direction }) => ({ source, target, people, direction })),
  };
}

function nodeId(depth: number, stage: number): string {
  return `${depth}:${stage}`;
}

/**
 * Each consecutive pair of a collapsed sequence (a move between two different stages) and its
 * position; paths of looping people run to thousands of stages, so no pair is allocated.
 */
function forEachMove(stages: number[], visit: (from: number, to: number, index: number) => void): void {
  for (let i = 1; i < stages.length; i++) visit(stages[i - 1] as number, stages[i] as number, i - 1);
}

function stageName(query: PathsQuery, stage: number): string {
  return query.stages[stage - 1]?.name ?? String(stage);
}

function compareSequences(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = (a[i] as number) - (b[i] as number);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
