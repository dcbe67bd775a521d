import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import { NotFoundError } from "../../domain/errors.js";
import { idSchema } from "../../domain/journey-map.js";
import type { Store, StoredMap } from "../../store/store.js";
import { actorFromCookieHeader } from "../auth/actor-from-cookie.js";
import { isSameOrigin } from "../auth/same-origin.js";
import type { Config } from "../config.js";
import { type Actor, canEditMap, canViewMap } from "../policy.js";
import { type LiveRevisionSaved, LiveRoom, type Peer } from "./live-room.js";

export const LIVE_PATH_PREFIX = "/api/live/";

/** Close codes the web client tells apart (see docs/ARCHITECTURE.md "Live co-editing"). */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_UNKNOWN_MAP = 4404;
export const CLOSE_TOO_LARGE = 4413;
const CLOSE_GOING_AWAY = 1001;

export interface LiveMapsOptions {
  store: Store;
  config: Pick<Config, "publicUrl">;
  /** Called after a room saved a map revision made of live edits (the activity log). */
  onRevisionSaved?: (saved: LiveRevisionSaved) => void | Promise<void>;
  /** Save once edits pause this long… */
  saveIdleMs?: number;
  /** …and at least this often while they flow. */
  saveMaxWaitMs?: number;
  /** A room with nobody connected is saved and closed after this long. */
  roomIdleMs?: number;
  /** Larger messages close the connection with 4413. */
  maxMessageBytes?: number;
  /** Connections that do not answer a ping within this long are dropped. */
  pingIntervalMs?: number;
  /**
   * How often every connection's session and role are checked again: a removed member or an ended
   * session is sent away (4401/4403), a demoted editor becomes read-only.
   */
  accessCheckMs?: number;
}

/** Messages a client may send while its upgrade is still being checked. */
const MAX_EARLY_MESSAGES = 64;

/**
 * The WebSocket side of live co-editing: `/api/live/:mapId` speaks the y-websocket protocol. Upgrades
 * are checked (same origin, session cookie, canViewMap; canEditMap to write), then joined to the map's
 * room, which is opened on first use and saved and closed once nobody is connected.
 */
export class LiveMaps {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Promise<LiveRoom>>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Every open socket: whether it answered the last ping, and how to check its access again. */
  private readonly sockets = new Map<WebSocket, { alive: boolean; recheck?: () => Promise<void> }>();
  private readonly pinger: NodeJS.Timeout;
  private readonly accessChecker: NodeJS.Timeout;
  private readonly settings: Required<Omit<LiveMapsOptions, "onRevisionSaved">> &
    Pick<LiveMapsOptions, "onRevisionSaved">;
  private shuttingDown = false;

  constructor(options: LiveMapsOptions) {
    this.settings = {
      // Each save is a map revision (a version in the history), the whole Yjs state and an activity line:
      // saving after every 1 s pause cost 200 editors' server a fifth of its time in SQLite alone. Unsaved
      // edits are in every open tab meanwhile, and a tab sends them again to a restarted server.
      saveIdleMs: 2000,
      saveMaxWaitMs: 5000,
      roomIdleMs: 5000,
      maxMessageBytes: 2 * 1024 * 1024,
      pingIntervalMs: 30_000,
      accessCheckMs: 10_000,
      ...options,
    };
    // Above the cap the connection still gets 4413 from us; far above it ws refuses to buffer at all.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.settings.maxMessageBytes * 4 });
    this.pinger = setInterval(() => this.pingAll(), this.settings.pingIntervalMs);
    this.pinger.unref();
    this.accessChecker = setInterval(() => this.recheckAll(), this.settings.accessCheckMs);
    this.accessChecker.unref();
  }

  /** The HTTP server's "upgrade" listener. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const mapId = liveMapId(request.url);
    if (mapId === null || this.shuttingDown) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const liveness = { alive: true };
      this.sockets.set(ws, liveness);
      ws.on("pong", () => {
        liveness.alive = true;
      });
      ws.once("close", () => this.sockets.delete(ws));
      void this.accept(ws, request, mapId).catch((error: unknown) => {
        console.error(`[tropa] live connection to map ${mapId} failed:`, error);
        ws.close(1011, "server error");
      });
    });
  }

  /** A REST write saved a map: open editors see it. */
  async mapWritten(stored: StoredMap): Promise<void> {
    const room = await this.openRoomOrNull(stored.map.id);
    await room?.mapWritten(stored);
  }

  /** A REST request deleted a map: its editors are sent away (4404). */
  async mapDeleted(mapId: string): Promise<void> {
    const room = await this.openRoomOrNull(mapId);
    room?.mapDeleted();
  }

  /** Sends everyone away and saves every room; nothing acknowledged is lost. */
  async close(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.pinger);
    clearInterval(this.accessChecker);
    for (const ws of this.sockets.keys()) ws.close(CLOSE_GOING_AWAY, "server shutting down");
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    for (const mapId of [...this.rooms.keys()]) this.closeRoom(mapId);
    await Promise.all(this.closing.values());
    // Clients that do not finish the closing handshake must not hold the HTTP server open.
    for (const ws of this.sockets.keys()) ws.terminate();
    this.wss.close();
  }

  private async accept(ws: WebSocket, request: IncomingMessage, mapId: string): Promise<void> {
    const early: RawData[] = [];
    const keepEarly = (data: RawData) => {
      if (early.push(data) > MAX_EARLY_MESSAGES) ws.close(CLOSE_TOO_LARGE, "too many messages");
    };
    ws.on("message", keepEarly);
    const admission = await this.admit(request, mapId);
    if (typeof admission === "number") {
      ws.close(admission, closeReason(admission));
      return;
    }
    if (ws.readyState !== WebSocket.OPEN) return;
    const room = await this.room(mapId);
    if (ws.readyState !== WebSocket.OPEN) {
      this.closeWhenIdle(mapId, room);
      return;
    }
    const peer: Peer = {
      userId: admission.userId,
      readOnly: !canEditMap(admission.actor, room.workspaceId),
      send: (message) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(message);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    const socket = this.sockets.get(ws);
    if (socket) socket.recheck = () => this.recheck(ws, request, mapId, peer);
    ws.off("message", keepEarly);
    room.join(peer);
    const receive = (data: RawData) => this.receive(room, peer, data);
    ws.on("message", receive);
    ws.once("close", () => this.leave(mapId, room, peer));
    for (const data of early) receive(data);
  }

  /** The connecting user, or the close code that refuses them. */
  private async admit(
    request: IncomingMessage,
    mapId: string,
  ): Promise<{ actor: Actor; userId: string } | number> {
    if (!isSameOrigin(request.headers.origin, request.headers.host, this.settings.config.publicUrl)) {
      return CLOSE_FORBIDDEN;
    }
    const actor = await actorFromCookieHeader(this.settings.store, request.headers.cookie, new Date());
    if (actor.kind !== "user") return CLOSE_UNAUTHENTICATED;
    let workspaceId: string;
    try {
      workspaceId = await this.settings.store.getMapWorkspaceId(mapId);
    } catch (error) {
      if (error instanceof NotFoundError) return CLOSE_UNKNOWN_MAP;
      throw error;
    }
    if (!canViewMap(actor, workspaceId)) return CLOSE_FORBIDDEN;
    return { actor, userId: actor.user.id };
  }

  private receive(room: LiveRoom, peer: Peer, data: RawData): void {
    const bytes = toBytes(data);
    if (bytes.byteLength > this.settings.maxMessageBytes) {
      peer.close(CLOSE_TOO_LARGE, closeReason(CLOSE_TOO_LARGE));
      return;
    }
    room.receive(peer, bytes);
  }

  private leave(mapId: string, room: LiveRoom, peer: Peer): void {
    room.leave(peer);
    this.closeWhenIdle(mapId, room);
  }

  private closeWhenIdle(mapId: string, room: LiveRoom): void {
    if (!room.isEmpty || this.shuttingDown) return;
    clearTimeout(this.idleTimers.get(mapId));
    const timer = setTimeout(() => {
      this.idleTimers.delete(mapId);
      if (room.isEmpty) this.closeRoom(mapId);
    }, this.settings.roomIdleMs);
    this.idleTimers.set(mapId, timer);
  }

  /** The map's room; a room still being closed finishes saving before the next one loads. */
  private room(mapId: string): Promise<LiveRoom> {
    clearTimeout(this.idleTimers.get(mapId));
    this.idleTimers.delete(mapId);
    let room = this.rooms.get(mapId);
    if (!room) {
      const previous = this.closing.get(mapId) ?? Promise.resolve();
      room = previous.then(() =>
        LiveRoom.open(mapId, {
          store: this.settings.store,
          onRevisionSaved: this.settings.onRevisionSaved,
          saveIdleMs: this.settings.saveIdleMs,
          saveMaxWaitMs: this.settings.saveMaxWaitMs,
        }),
      );
      room.catch(() => this.rooms.delete(mapId));
      this.rooms.set(mapId, room);
    }
    return room;
  }

  private async openRoomOrNull(mapId: string): Promise<LiveRoom | null> {
    const room = this.rooms.get(mapId);
    return room ? await room.catch(() => null) : null;
  }

  private closeRoom(mapId: string): void {
    const room = this.rooms.get(mapId);
    if (!room) return;
    this.rooms.delete(mapId);
    const closed = room
      .then((open) => open.close())
      .catch((error: unknown) => console.error(`[tropa] could not save the live map ${mapId}:`, error))
      .finally(() => {
        if (this.closing.get(mapId) === closed) this.closing.delete(mapId);
      });
    this.closing.set(mapId, closed);
  }

  private async recheck(ws: WebSocket, request: IncomingMessage, mapId: string, peer: Peer): Promise<void> {
    const admission = await this.admit(request, mapId);
    if (typeof admission === "number") {
      ws.close(admission, closeReason(admission));
      return;
    }
    const workspaceId = await this.settings.store.getMapWorkspaceId(mapId);
    peer.readOnly = !canEditMap(admission.actor, workspaceId);
  }

  private recheckAll(): void {
    for (const { recheck } of this.sockets.values()) {
      recheck?.().catch((error: unknown) => console.error("[tropa] could not recheck live access:", error));
    }
  }

  private pingAll(): void {
    for (const [ws, liveness] of this.sockets) {
      if (!liveness.alive) {
        ws.terminate();
        continue;
      }
      liveness.alive = false;
      if (ws.readyState === WebSocket.OPEN) ws.ping();
    }
  }
}

/** The map id of a live URL (`/api/live/:mapId`), or null for any other path. */
function liveMapId(url: string | undefined): string | null {
  const path = new URL(url ?? "/", "http://localhost").pathname;
  if (!path.startsWith(LIVE_PATH_PREFIX)) return null;
  const id = path.slice(LIVE_PATH_PREFIX.length);
  return idSchema.safeParse(id).success ? id : null;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function closeReason(code: number): string {
  if (code === CLOSE_UNAUTHENTICATED) return "sign in first";
  if (code === CLOSE_UNKNOWN_MAP) return "map not found";
  if (code === CLOSE_TOO_LARGE) return "message too large";
  return "not allowed";
}
