import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { JourneyMap } from "../../domain/journey-map.js";
import { readMapFromDoc, writeMapToDoc } from "../../domain/live/map-doc.js";
import { parseMap } from "../../domain/migrations.js";

/** Test support: a Node client of `/api/live/:mapId`, as the web editor would be. */
export interface LiveClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server finished. */
  synced: Promise<void>;
  read(): JourneyMap;
  /** Applies an editor operation to the current map and writes the result into the doc. */
  edit(change: (map: JourneyMap) => JourneyMap): void;
  close(): void;
}

export interface LiveSession {
  cookie?: string;
  origin?: string;
}

/** A `ws` WebSocket class that sends the session cookie and an Origin header, as a browser would. */
function socketClassFor(session: LiveSession): new (url: string, protocols?: string | string[]) => WebSocket {
  const headers = {
    ...(session.cookie ? { cookie: session.cookie } : {}),
    ...(session.origin ? { origin: session.origin } : {}),
  };
  return class SessionWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export function liveUrl(serverUrl: string): string {
  return `${serverUrl.replace(/^http/, "ws")}/api/live`;
}

export function connectLive(
  serverUrl: string,
  mapId: string,
  session: LiveSession,
  doc = new Y.Doc(),
): LiveClient {
  const provider = new WebsocketProvider(liveUrl(serverUrl), mapId, doc, {
    WebSocketPolyfill: socketClassFor({
      origin: serverUrl,
      ...session,
    }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once("sync", () => resolve());
  });
  return {
    doc,
    provider,
    synced,
    read: () => parseMap(readMapFromDoc(doc)),
    edit: (change) => writeMapToDoc(doc, change(parseMap(readMapFromDoc(doc))), "local"),
    close: () => provider.destroy(),
  };
}

/** Opens a raw connection and resolves with the close code the server sends. */
export function closeCodeOf(serverUrl: string, mapId: string, session: LiveSession): Promise<number> {
  const Socket = socketClassFor(session);
  const ws = new Socket(`${liveUrl(serverUrl)}/${mapId}`);
  return new Promise((resolve, reject) => {
    ws.on("close", (code) => resolve(code));
    ws.on("error", reject);
  });
}

/**
 * Polls until `check` returns something other than undefined/false, or fails after `timeoutMs`. A check
 * that throws (e.g. reading a map mid-correction) counts as "not yet"; the last error is reported.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5000,
): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in vain`, { cause: lastError });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
