import type { JourneyMap } from "../../src/domain/journey-map.js";
import { jsonEqual } from "../../src/domain/live/json-equal.js";
import { type Summary, summarize } from "../stats.js";
import { formatToken, type SentEdit, sharedLine } from "./edit-token.js";
import { LiveEditor } from "./live-editor.js";
import type { CardRef } from "./map-layout.js";

/** One open editor tab: an editor (with cards to edit) or a second tab that only watches. */
export interface Participant {
  author: number;
  mapId: string;
  cookie: string;
  /** Absent for a tab that only watches. */
  cards?: { own: CardRef; shared: CardRef };
}

export interface ScenarioOptions {
  serverUrl: string;
  participants: Participant[];
  seconds: number;
  /** Each editor edits every minEditMs–maxEditMs (uniform). */
  minEditMs: number;
  maxEditMs: number;
  /** One edit in this many goes to the editor's line of a shared card, the rest to its own card. */
  sharedEvery: number;
  /** Reads a map as the server stored it, after every tab closed; absent for the relay (no persistence). */
  readStored?: (mapId: string) => Promise<JourneyMap>;
  log(message: string): void;
}

export interface ScenarioResult {
  connections: number;
  editors: number;
  maps: number;
  edits: number;
  editsPerSecond: number;
  /** Edit → another tab of the same map sees it, one sample per (edit, other tab). */
  latencyMs: Summary;
  deliveries: { expected: number; seen: number };
  /** Editors' last edits missing from some tab's final map or from the stored map. */
  lostEdits: number;
  problems: string[];
  /** Maps whose tabs did not all end with the same map. */
  divergedMaps: number;
  storedChecked: boolean;
}

const SYNC_TIMEOUT_MS = 60_000;
/** After the editing stops, a server working off a backlog gets this long while deliveries still progress… */
const SETTLE_TIMEOUT_MS = 60_000;
/** …and this long without any progress. */
const SETTLE_STALL_MS = 10_000;
const STORED_TIMEOUT_MS = 30_000;

/** Tokens are unique across every scenario of the process, so no run can mistake another's edit for its own. */
let lastToken = 0;

/** The last edit of each editor: what every tab and the stored map must show at the end. */
interface LastEdits {
  own?: number;
  shared?: number;
}

export async function runLiveScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const { participants, log } = options;
  const sent = new Map<number, SentEdit & { mapId: string }>();
  const tabsPerMap = new Map<string, number>();
  for (const p of participants) tabsPerMap.set(p.mapId, (tabsPerMap.get(p.mapId) ?? 0) + 1);
  const latencies: number[] = [];
  let expected = 0;
  // Each y-websocket provider listens for the process's exit; hundreds of tabs are expected here.
  process.setMaxListeners(Math.max(process.getMaxListeners(), participants.length + 10));
  const editors = participants.map(
    (p) =>
      new LiveEditor({
        serverUrl: options.serverUrl,
        mapId: p.mapId,
        cookie: p.cookie,
        onToken: (token, seenAt) => {
          const edit = sent.get(token);
          if (edit) latencies.push(seenAt - edit.at);
        },
      }),
  );
  try {
    await withTimeout(Promise.all(editors.map((e) => e.synced)), SYNC_TIMEOUT_MS, "tabs to sync");
    for (const editor of editors) editor.ignoreExistingTokens();
    log(`${editors.length} tabs connected and synced; editing for ${options.seconds} s`);

    const last = new Map<number, LastEdits>();
    let edits = 0;
    const started = performance.now();
    const stopAt = started + options.seconds * 1000;
    const timers = new Set<NodeJS.Timeout>();
    const failures: string[] = [];
    const editOnce = (index: number) => {
      const p = participants[index] as Participant;
      const cards = p.cards;
      if (!cards || performance.now() >= stopAt) return;
      lastToken += 1;
      const token = lastToken;
      const shared = Math.random() * options.sharedEvery < 1;
      const at = performance.now();
      sent.set(token, { token, at, author: p.author, mapId: p.mapId });
      try {
        const editor = editors[index] as LiveEditor;
        if (shared) editor.editSharedCard(cards.shared, p.author, token);
        else editor.editOwnCard(cards.own, p.author, token);
        const mine = last.get(p.author) ?? {};
        last.set(p.author, shared ? { ...mine, shared: token } : { ...mine, own: token });
        edits += 1;
        expected += (tabsPerMap.get(p.mapId) ?? 1) - 1;
      } catch (error) {
        failures.push(`editor ${p.author}: ${(error as Error).message}`);
      }
      schedule(index, between(options.minEditMs, options.maxEditMs));
    };
    const schedule = (index: number, delay: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        editOnce(index);
      }, delay);
      timers.add(timer);
    };
    for (let index = 0; index < participants.length; index += 1) {
      schedule(index, between(0, options.maxEditMs));
    }
    const progress = setInterval(() => {
      const elapsed = ((performance.now() - started) / 1000).toFixed(0);
      const p50 = summarize(latencies).p50;
      log(
        `${elapsed} s: ${edits} edits, ${latencies.length}/${expected} deliveries, p50 so far ${p50.toFixed(1)} ms`,
      );
    }, 5000);
    await sleep(options.seconds * 1000);
    clearInterval(progress);
    for (const timer of timers) clearTimeout(timer);
    const seconds = (performance.now() - started) / 1000;
    if (failures.length > 0) throw new Error(`edits failed:\n${failures.slice(0, 10).join("\n")}`);

    log(`stopped after ${edits} edits; waiting for every tab to see every edit`);
    await settle(() => latencies.length, expected);

    const problems: string[] = [];
    const missing = new Set<string>();
    const finalMaps = new Map<string, JourneyMap[]>();
    editors.forEach((editor, index) => {
      const p = participants[index] as Participant;
      const map = editor.read();
      finalMaps.set(p.mapId, [...(finalMaps.get(p.mapId) ?? []), map]);
      for (const lack of lackingEdits(map, participants, last)) {
        missing.add(lack);
        if (problems.length < 20) problems.push(`tab ${index} (map ${p.mapId}) lacks ${lack}`);
      }
    });
    let divergedMaps = 0;
    for (const [mapId, maps] of finalMaps) {
      if (maps.some((map) => !jsonEqual(map, maps[0]))) {
        divergedMaps += 1;
        problems.push(`the tabs of map ${mapId} ended with different maps`);
      }
    }
    for (const editor of editors) editor.close();
    editors.length = 0;

    if (options.readStored) {
      log("every tab closed; reading the stored maps back once the server saved them");
      for (const lack of await lackingInStored(
        options.readStored,
        [...finalMaps.keys()],
        participants,
        last,
      )) {
        missing.add(lack);
        if (problems.length < 40) problems.push(`stored ${lack}`);
      }
    }
    return {
      connections: participants.length,
      editors: participants.filter((p) => p.cards).length,
      maps: tabsPerMap.size,
      edits,
      editsPerSecond: edits / seconds,
      latencyMs: summarize(latencies),
      deliveries: { expected, seen: latencies.length },
      lostEdits: missing.size,
      problems,
      divergedMaps,
      storedChecked: options.readStored !== undefined,
    };
  } finally {
    for (const editor of editors) editor.close();
  }
}

/** "map M: editor 3's last own edit ~t42~"-style descriptions of every last edit `map` does not show. */
function lackingEdits(map: JourneyMap, participants: Participant[], last: Map<number, LastEdits>): string[] {
  const lacking: string[] = [];
  for (const p of participants) {
    if (p.mapId !== map.id || !p.cards) continue;
    const mine = last.get(p.author);
    if (mine?.own !== undefined && !cardText(map, p.cards.own).includes(formatToken(mine.own))) {
      lacking.push(`map ${map.id}: editor ${p.author}'s last edit of its card (${formatToken(mine.own)})`);
    }
    if (
      mine?.shared !== undefined &&
      !cardText(map, p.cards.shared).split("\n").includes(sharedLine(p.author, mine.shared))
    ) {
      lacking.push(
        `map ${map.id}: editor ${p.author}'s last edit of a shared card (${formatToken(mine.shared)})`,
      );
    }
  }
  return lacking;
}

/** Polls each map until the stored one shows every last edit, or gives up and returns what it lacks. */
async function lackingInStored(
  readStored: (mapId: string) => Promise<JourneyMap>,
  mapIds: string[],
  participants: Participant[],
  last: Map<number, LastEdits>,
): Promise<string[]> {
  const giveUpAt = performance.now() + STORED_TIMEOUT_MS;
  let pending = mapIds;
  let lacking: string[] = [];
  while (pending.length > 0) {
    const checked = await Promise.all(
      pending.map(async (mapId) => ({
        mapId,
        lacks: lackingEdits(await readStored(mapId), participants, last),
      })),
    );
    pending = checked.filter((c) => c.lacks.length > 0).map((c) => c.mapId);
    lacking = checked.flatMap((c) => c.lacks);
    if (pending.length === 0 || performance.now() > giveUpAt) break;
    await sleep(500);
  }
  return lacking;
}

/** Waits until `seen()` reaches `expected`, or stops progressing, or the settle time is up. */
async function settle(seen: () => number, expected: number): Promise<void> {
  const giveUpAt = performance.now() + SETTLE_TIMEOUT_MS;
  let last = seen();
  let lastProgress = performance.now();
  while (
    seen() < expected &&
    performance.now() < giveUpAt &&
    performance.now() - lastProgress < SETTLE_STALL_MS
  ) {
    await sleep(100);
    if (seen() > last) {
      last = seen();
      lastProgress = performance.now();
    }
  }
}

function cardText(map: JourneyMap, ref: CardRef): string {
  const lane = map.lanes.find((l) => l.id === ref.laneId);
  const card =
    lane && "cells" in lane ? lane.cells[ref.stageId]?.find((c) => c.id === ref.cardId) : undefined;
  return card?.text ?? "";
}

function between(min: number, max: number): number {
  return min + Math.random() * (max - min);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms / 1000} s in vain for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
