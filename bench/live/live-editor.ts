import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { JourneyMap } from "../../src/domain/journey-map.js";
import { MAP_ROOT, readMapFromDoc, writeMapToDoc } from "../../src/domain/live/map-doc.js";
import { updateCard } from "../../src/domain/map-operations.js";
import { parseMap } from "../../src/domain/migrations.js";
import { formatToken, tokensIn, withSharedLine } from "./edit-token.js";
import type { CardRef } from "./map-layout.js";

/** A `ws` WebSocket class sending the session cookie and an Origin header, as a browser tab would. */
function socketClassFor(headers: Record<string, string>): typeof globalThis.WebSocket {
  class SessionWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return SessionWebSocket as unknown as typeof globalThis.WebSocket;
}

export interface LiveEditorOptions {
  /** `http://host:port`: the live channel is `ws://host:port/api/live/:mapId` on Tropa and on the relay. */
  serverUrl: string;
  mapId: string;
  cookie: string;
  /** Called for every token this editor sees arrive from someone else, once per token. */
  onToken(token: number, seenAt: number): void;
}

/**
 * One person's editor tab: a y-websocket provider on a fresh doc that only edits after its first sync
 * (the server seeds the doc from the stored map), through writeMapToDoc like the web editor.
 */
export class LiveEditor {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly synced: Promise<void>;
  private readonly seen = new Set<number>();

  constructor(private readonly options: LiveEditorOptions) {
    this.provider = new WebsocketProvider(
      `${options.serverUrl.replace(/^http/, "ws")}/api/live`,
      options.mapId,
      this.doc,
      {
        WebSocketPolyfill: socketClassFor({ cookie: options.cookie, origin: options.serverUrl }),
        disableBc: true,
      },
    );
    this.synced = new Promise((resolve) => {
      if (this.provider.synced) resolve();
      this.provider.once("sync", () => resolve());
    });
    this.doc.getMap(MAP_ROOT).observeDeep((events) => this.scan(events));
  }

  /** Marks tokens already in the doc (from earlier runs on the same map) as seen, so they are not timed. */
  ignoreExistingTokens(): void {
    for (const token of tokensIn(JSON.stringify(readMapFromDoc(this.doc)))) this.seen.add(token);
  }

  read(): JourneyMap {
    return parseMap(readMapFromDoc(this.doc));
  }

  /** Rewrites the editor's own card with `token`. */
  editOwnCard(card: CardRef, author: number, token: number): void {
    this.seen.add(token);
    this.edit(card, () => `Editor ${author}: ${formatToken(token)}`);
  }

  /** Rewrites the editor's line of a shared card with `token`; the other lines stay. */
  editSharedCard(card: CardRef, author: number, token: number): void {
    this.seen.add(token);
    this.edit(card, (text) => withSharedLine(text, author, token));
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private edit(ref: CardRef, text: (current: string) => string): void {
    const map = this.read();
    const lane = map.lanes.find((l) => l.id === ref.laneId);
    const card =
      lane && "cells" in lane ? lane.cells[ref.stageId]?.find((c) => c.id === ref.cardId) : undefined;
    if (!card) throw new Error(`card ${ref.cardId} is missing from map ${this.options.mapId}`);
    writeMapToDoc(this.doc, updateCard(map, { ...ref, patch: { text: text(card.text) } }), "local");
  }

  private scan(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const now = performance.now();
    for (const event of events) {
      if (event.target instanceof Y.Text) this.note(event.target.toString(), now);
      else if (event instanceof Y.YMapEvent) {
        for (const key of event.keysChanged) {
          const value: unknown = (event.target as Y.Map<unknown>).get(key);
          if (value instanceof Y.Text) this.note(value.toString(), now);
        }
      }
    }
  }

  private note(text: string, now: number): void {
    for (const token of tokensIn(text)) {
      if (this.seen.has(token)) continue;
      this.seen.add(token);
      this.options.onToken(token, now);
    }
  }
}
