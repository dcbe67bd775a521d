import { Agent, request } from "node:http";
import type { LoadStats } from "./api-load.js";
import { summarize } from "./stats.js";

/** One request of a paced client; the body is built at dispatch, so it can depend on the previous reply. */
export interface PacedRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: () => string;
  onResponse?: (status: number, body: string) => void;
}

export interface PacedScenario {
  baseUrl: string;
  clients: number;
  seconds: number;
  /** Each client's interval between requests, above 0 (back to back is autocannon's job in api-load.ts). */
  periodMs: number;
  /** Each interval is periodMs ± a uniform random jitterMs, so the clients do not fall into step. */
  jitterMs: number;
  label: string;
  log: (message: string) => void;
}

/** After the run, saves still in flight get this long to finish before their clients are closed. */
const DRAIN_MS = 30_000;

/**
 * Open-loop clients, like editors autosaving: client i sends requestFor(i) on its own schedule
 * (first at a random point of the first period, then every periodMs ± jitterMs), whatever its replies
 * take, but never two at once on its one keep-alive connection. A request whose time comes while the
 * previous one is still in flight waits for it, and latency runs from the scheduled time to the complete
 * response, so waiting on a slow server counts instead of silently lowering the offered load.
 */
export async function runPacedLoad(
  scenario: PacedScenario,
  requestFor: (index: number) => PacedRequest,
): Promise<LoadStats> {
  const started = performance.now();
  const end = started + scenario.seconds * 1000;
  const counts = { ok: 0, notOk: 0, errors: 0 };
  const latencies: number[] = [];
  const answered = new Set<number>();
  const inFlightSince: (number | null)[] = [];
  const agents: Agent[] = [];
  let unansweredAtEnd: number[] = [];

  const runClient = async (index: number): Promise<void> => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents[index] = agent;
    const next = requestFor(index);
    let due = started + Math.random() * scenario.periodMs;
    while (due < end) {
      await sleepUntil(due);
      inFlightSince[index] = due;
      try {
        const response = await send(scenario.baseUrl, agent, next);
        const now = performance.now();
        latencies.push(now - due);
        if (now < end) answered.add(index);
        if (response.status >= 200 && response.status < 300) counts.ok++;
        else counts.notOk++;
        next.onResponse?.(response.status, response.body);
      } catch {
        counts.errors++;
      }
      inFlightSince[index] = null;
      due += scenario.periodMs + (Math.random() * 2 - 1) * scenario.jitterMs;
    }
  };

  const ticker = setInterval(() => {
    const elapsed = Math.round((performance.now() - started) / 1000);
    scenario.log(`${scenario.label}: ${elapsed}/${scenario.seconds} s, ${latencies.length} responses`);
  }, 5000);
  const atEnd = setTimeout(() => {
    const now = performance.now();
    unansweredAtEnd = inFlightSince
      .filter((since): since is number => since !== null)
      .map((since) => now - since);
  }, end - started);
  try {
    const clients = Promise.all(Array.from({ length: scenario.clients }, (_, index) => runClient(index)));
    await Promise.race([clients, sleepUntil(end + DRAIN_MS)]);
    const stillOpen = inFlightSince.filter((since): since is number => since !== null);
    return {
      seconds: scenario.seconds,
      ...counts,
      timeouts: stillOpen.length,
      requestsPerSecond: latencies.length / scenario.seconds,
      unanswered: unansweredAtEnd.length,
      oldestUnansweredMs: Math.max(0, ...unansweredAtEnd),
      starvedConnections: scenario.clients - answered.size,
      // Saves in flight when the run ended are waited for; only those that outlast the drain count with their age.
      latency: summarize([...latencies, ...stillOpen.map((since) => performance.now() - since)]),
    };
  } finally {
    clearInterval(ticker);
    clearTimeout(atEnd);
    for (const agent of agents) agent.destroy();
  }
}

function send(baseUrl: string, agent: Agent, next: PacedRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = next.body?.();
    const outgoing = request(new URL(next.path, baseUrl), {
      method: next.method,
      headers: next.headers,
      agent,
    });
    outgoing.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

function sleepUntil(time: number): Promise<void> {
  const wait = time - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
