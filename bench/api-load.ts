import autocannon, { type AutocannonRequest } from "autocannon";
import type { JourneyMap } from "../src/domain/journey-map.js";
import { updateCard } from "../src/domain/map-operations.js";
import { listCards } from "./large-map.js";
import { runPacedLoad } from "./paced-load.js";
import { type Summary, summarize } from "./stats.js";
import { createMap, firstWorkspaceId, getMap, type Session, sessionHeaders } from "./tropa-api.js";

export const TEMPLATE_ID = "example-subscription-club";

export interface LoadStats {
  seconds: number;
  ok: number;
  notOk: number;
  errors: number;
  /** autocannon's timeouts; for paced clients, requests still unanswered 30 s after the run. */
  timeouts: number;
  requestsPerSecond: number;
  /** Requests still waiting for their response when the run ended (one per busy connection). */
  unanswered: number;
  oldestUnansweredMs: number;
  /** Connections that got no response at all during the run: starved, not just slow. */
  starvedConnections: number;
  /**
   * Milliseconds to the complete response, from the request's dispatch (autocannon) or its scheduled time
   * (paced clients); requests unanswered at the end count with their age.
   */
  latency: Summary;
}

/** The no-lost-edits check: each map's stored revision and text against what its connection saw. */
export interface SaveCheck {
  maps: number;
  /** revision = accepted saves + 1 and the card shows the last accepted text. */
  exact: number;
  /** One more revision than accepted: the last save was committed, but the run ended before its reply. */
  cutAtEnd: number;
  lost: number;
  problems: string[];
}

/** One pair of scenarios: saves and, as their peer, the same clients fetching a static file. */
export interface ApiScenario {
  baseline: LoadStats;
  saves: LoadStats;
  acceptedSaves: number;
  check: SaveCheck;
  failures: string[];
}

export interface ApiLoadResult {
  connections: number;
  seconds: number;
  mapJsonBytes: number;
  saveBodyBytes: number;
  staticFile: string;
  staticBytes: number;
  /** Each client saves its own map once per periodMs ± jitterMs, open loop: the editor's autosave. */
  paced: ApiScenario & { periodMs: number; jitterMs: number };
  /** Each client saves again as soon as its previous save is answered: the server's throughput. */
  saturation: ApiScenario;
}

type Log = (message: string) => void;

/** One client's map: what it last saved and what it has in flight. */
interface Connection {
  index: number;
  mapId: string;
  map: JourneyMap;
  revision: number;
  card: { laneId: string; stageId: string; cardId: string };
  pending: JourneyMap;
  sent: number;
  acked: number;
}

const STATIC_FILE = "/index.html";
/** The editor autosaves 800 ms after the last keystroke; someone typing steadily saves about once a second. */
const PACE = { periodMs: 1000, jitterMs: 200 };

/**
 * Goal 1: N clients each saving small edits to their own map (PUT /api/maps/:id with the right
 * baseRevision), beside a baseline of the same N clients fetching a static file from the same server.
 * Twice: paced like editors autosaving (the goal's latency), then back to back (the throughput).
 * Each save scenario has its own fresh maps, so one's cut-off saves cannot disturb the other's check.
 */
export async function runApiLoad(
  baseUrl: string,
  options: { session: Session; connections: number; seconds: number; log: Log },
): Promise<ApiLoadResult> {
  const { session, connections: count, seconds, log } = options;
  const workspaceId = await firstWorkspaceId(baseUrl, session);
  const saveHeaders = { "content-type": "application/json", ...sessionHeaders(session) };
  const staticBytes = (await (await fetch(`${baseUrl}${STATIC_FILE}`)).arrayBuffer()).byteLength;
  const scenario = { baseUrl, connections: count, seconds, log };
  const pace = `one request per ${PACE.periodMs} ± ${PACE.jitterMs} ms each`;

  const pacedMaps = await createMaps(baseUrl, session, workspaceId, count, log);
  const paced = await runScenario(baseUrl, session, pacedMaps, log, {
    baseline: () => {
      log(`paced baseline: ${count} clients GET ${STATIC_FILE}, ${pace}, for ${seconds} s`);
      return runPacedLoad({ ...scenario, ...PACE, clients: count, label: "paced baseline" }, () => ({
        method: "GET",
        path: STATIC_FILE,
      }));
    },
    saves: (failures) => {
      log(`paced saves: ${count} clients PUT /api/maps/:id, ${pace}, for ${seconds} s`);
      return runPacedLoad({ ...scenario, ...PACE, clients: count, label: "paced saves" }, (index) => {
        const connection = pacedMaps[index] as Connection;
        return {
          method: "PUT",
          path: `/api/maps/${connection.mapId}`,
          headers: saveHeaders,
          body: () => nextSaveBody(connection),
          onResponse: (status, body) => recordSave(connection, status, body, failures),
        };
      });
    },
  });

  const saturationMaps = await createMaps(baseUrl, session, workspaceId, count, log);
  const saturation = await runScenario(baseUrl, session, saturationMaps, log, {
    baseline: () => {
      log(`saturation baseline: ${count} connections GET ${STATIC_FILE} back to back for ${seconds} s`);
      return measure({ ...scenario, label: "saturation baseline" }, () => ({
        method: "GET",
        path: STATIC_FILE,
      }));
    },
    saves: (failures) => {
      log(`saturation saves: ${count} connections PUT /api/maps/:id back to back for ${seconds} s`);
      return measure({ ...scenario, label: "saturation saves" }, (index) => {
        const connection = saturationMaps[index] as Connection;
        return {
          method: "PUT",
          path: `/api/maps/${connection.mapId}`,
          headers: saveHeaders,
          setupRequest: (request) => ({ ...request, body: nextSaveBody(connection) }),
          onResponse: (status, body) => recordSave(connection, status, body, failures),
        };
      });
    },
  });

  const first = pacedMaps[0] as Connection;
  return {
    connections: count,
    seconds,
    mapJsonBytes: Buffer.byteLength(JSON.stringify(first.map)),
    saveBodyBytes: Buffer.byteLength(JSON.stringify({ map: first.map, baseRevision: first.revision })),
    staticFile: STATIC_FILE,
    staticBytes,
    paced: { ...paced, ...PACE },
    saturation,
  };
}

/** Runs the static baseline, then the saves, then reads every map back. */
async function runScenario(
  baseUrl: string,
  session: Session,
  connections: Connection[],
  log: Log,
  run: { baseline: () => Promise<LoadStats>; saves: (failures: string[]) => Promise<LoadStats> },
): Promise<ApiScenario> {
  const baseline = await run.baseline();
  const failures: string[] = [];
  const saves = await run.saves(failures);
  // Requests cut off by the end of the run may still be committing; give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  log("checking every map's stored revision and text");
  const check = await checkSaves(baseUrl, session, connections);
  return {
    baseline,
    saves,
    acceptedSaves: connections.reduce((sum, c) => sum + c.acked, 0),
    check,
    failures: failures.slice(0, 10),
  };
}

async function createMaps(
  baseUrl: string,
  session: Session,
  workspaceId: string,
  count: number,
  log: Log,
): Promise<Connection[]> {
  const connections: Connection[] = [];
  await inBatches(count, 10, async (index) => {
    const created = await createMap(baseUrl, session, workspaceId, { templateId: TEMPLATE_ID, lang: "en" });
    const card = listCards(created.map)[0];
    if (!card) throw new Error(`template ${TEMPLATE_ID} has no card to edit`);
    connections[index] = {
      index,
      mapId: created.map.id,
      map: created.map,
      revision: created.revision,
      card,
      pending: created.map,
      sent: 0,
      acked: 0,
    };
    if ((index + 1) % 50 === 0) log(`created ${index + 1}/${count} maps from ${TEMPLATE_ID}`);
  });
  return connections;
}

/** The next edit of this client: one card's text changes, on top of the revision it last saw. */
function nextSaveBody(connection: Connection): string {
  connection.sent++;
  connection.pending = updateCard(connection.map, {
    ...connection.card,
    patch: { text: `Edit ${connection.sent} from client ${connection.index}` },
  });
  return JSON.stringify({ map: connection.pending, baseRevision: connection.revision });
}

function recordSave(connection: Connection, status: number, body: string, failures: string[]): void {
  if (status !== 200) {
    failures.push(`map ${connection.mapId}: HTTP ${status} ${body.slice(0, 200)}`);
    return;
  }
  connection.revision = (JSON.parse(body) as { revision: number }).revision;
  connection.map = connection.pending;
  connection.acked++;
}

/**
 * Runs one autocannon scenario; connection i sends requestFor(i) over and over. Latency is timed here,
 * from the request's dispatch to its complete response. The timeout outlasts the run, so a slow request
 * is never dropped and retried; requests still unanswered at the end count with their age so far, so a
 * starved client shows in the tail instead of vanishing from it.
 */
async function measure(
  scenario: { baseUrl: string; connections: number; seconds: number; label: string; log: Log },
  requestFor: (index: number) => AutocannonRequest,
): Promise<LoadStats> {
  const latencies: number[] = [];
  const sentAt: (number | null)[] = [];
  const answered = new Set<number>();
  let nextIndex = 0;
  const instance = autocannon({
    url: scenario.baseUrl,
    connections: scenario.connections,
    duration: scenario.seconds,
    timeout: scenario.seconds + 30,
    setupClient: (client) => {
      const index = nextIndex++;
      const request = requestFor(index);
      client.setRequests([
        {
          ...request,
          setupRequest: (built, context) => {
            const ready = request.setupRequest ? request.setupRequest(built, context) : built;
            sentAt[index] = performance.now();
            return ready;
          },
          onResponse: (status, body, context) => {
            latencies.push(performance.now() - (sentAt[index] ?? Number.NaN));
            sentAt[index] = null;
            answered.add(index);
            request.onResponse?.(status, body, context);
          },
        },
      ]);
    },
  });
  const started = Date.now();
  const ticker = setInterval(() => {
    const elapsed = Math.round((Date.now() - started) / 1000);
    scenario.log(`${scenario.label}: ${elapsed}/${scenario.seconds} s, ${latencies.length} responses`);
  }, 5000);
  try {
    const result = await instance;
    const now = performance.now();
    const unanswered = sentAt.filter((at): at is number => at !== null).map((at) => now - at);
    return {
      seconds: result.duration,
      ok: result["2xx"],
      notOk: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      requestsPerSecond: latencies.length / result.duration,
      unanswered: unanswered.length,
      oldestUnansweredMs: Math.max(0, ...unanswered),
      starvedConnections: scenario.connections - answered.size,
      latency: summarize([...latencies, ...unanswered]),
    };
  } finally {
    clearInterval(ticker);
  }
}

async function checkSaves(baseUrl: string, session: Session, connections: Connection[]): Promise<SaveCheck> {
  const check: SaveCheck = { maps: connections.length, exact: 0, cutAtEnd: 0, lost: 0, problems: [] };
  await inBatches(connections.length, 10, async (index) => {
    const connection = connections[index] as Connection;
    const stored = await getMap(baseUrl, session, connection.mapId);
    const text = cardText(stored.map, connection.card.cardId);
    if (
      stored.revision === connection.acked + 1 &&
      text === cardText(connection.map, connection.card.cardId)
    ) {
      check.exact++;
    } else if (
      stored.revision === connection.acked + 2 &&
      connection.sent === connection.acked + 1 &&
      text === cardText(connection.pending, connection.card.cardId)
    ) {
      check.cutAtEnd++;
    } else {
      check.lost++;
      check.problems.push(
        `map ${connection.mapId}: stored revision ${stored.revision} "${text}", ` +
          `client saw ${connection.acked} accepted of ${connection.sent} sent`,
      );
    }
  });
  return check;
}

function cardText(map: JourneyMap, cardId: string): string | undefined {
  return listCards(map).find((card) => card.cardId === cardId)?.text;
}

/** Runs task(0…count−1) with at most `limit` at a time. */
async function inBatches(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
