import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { ConflictError, NotFoundError } from "../../domain/errors.js";
import type { JourneyMap } from "../../domain/journey-map.js";
import { jsonEqual } from "../../domain/live/json-equal.js";
import { LiveMapDoc, writeMapToDoc } from "../../domain/live/map-doc.js";
import type { Store, StoredMap } from "../../store/store.js";
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from "./live-protocol.js";
import { SaveSchedule } from "./save-schedule.js";

/** One open connection to a room, as the room sees it. */
export interface Peer {
  userId: string;
  /** Commenters and viewers: their document updates are dropped, their presence is shared. */
  readOnly: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** What the activity log needs when a room saves a revision of its map. */
export interface LiveRevisionSaved {
  mapId: string;
  workspaceId: string;
  revision: number;
  /** Everyone whose edits went into this revision. */
  userIds: string[];
  before: JourneyMap;
  after: JourneyMap;
}

export interface LiveRoomOptions {
  store: Store;
  onRevisionSaved?: ((saved: LiveRevisionSaved) => void | Promise<void>) | undefined;
  saveIdleMs: number;
  saveMaxWaitMs: number;
}

/** Transaction origin of the server's own writes: loading, REST writes merged in, corrections. */
export const SERVER_ORIGIN = "server";
const LOAD_ORIGIN = "load";
export const CLOSE_MALFORMED = 4400;
export const CLOSE_MAP_DELETED = 4404;

/** The last saved revision, and the doc state it was saved from (the base for merging REST writes). */
interface SavedRevision {
  map: JourneyMap;
  revision: number;
  state: Uint8Array;
}

/**
 * The live document of one map and everyone connected to it. Every well-formed update from a writer is
 * applied; if the merged doc is no longer a valid map, the last valid one is written back in the same
 * transaction, so every client converges on a valid map. Edits are saved as map revisions (and the Yjs
 * state with them) once they pause, regularly while they flow, and when the room closes.
 */
export class LiveRoom {
  readonly doc: Y.Doc;
  private readonly awareness: awarenessProtocol.Awareness;
  /** Each peer with the awareness client ids it speaks for. */
  private readonly peers = new Map<Peer, Set<number>>();
  private readonly editors = new Set<string>();
  private readonly schedule: SaveSchedule;
  private valid: JourneyMap;
  private saved: SavedRevision;
  private dirty = false;
  private deleted = false;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly mapId: string,
    readonly workspaceId: string,
    private readonly mapDoc: LiveMapDoc,
    valid: JourneyMap,
    saved: SavedRevision,
    private readonly options: LiveRoomOptions,
  ) {
    const doc = mapDoc.doc;
    this.doc = doc;
    this.valid = valid;
    this.saved = saved;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.schedule = new SaveSchedule(() => void this.flush(), options.saveIdleMs, options.saveMaxWaitMs);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on("update", (change: AwarenessChange, origin: unknown) =>
      this.onAwarenessUpdate(change, origin),
    );
    if (!jsonEqual(valid, saved.map)) this.markDirty();
  }

  /**
   * Loads the map's live doc from the store, or creates it from the stored map the first time; a stored
   * revision newer than the live doc's (a REST write while nobody was connected) is diffed in.
   */
  static async open(mapId: string, options: LiveRoomOptions): Promise<LiveRoom> {
    const { store } = options;
    const stored = await store.getMap(mapId);
    const record = await store.liveDocs.getLiveDoc(mapId);
    const doc = new Y.Doc();
    if (record) Y.applyUpdate(doc, record.state, LOAD_ORIGIN);
    const mapDoc = new LiveMapDoc(doc);
    let valid = record && record.revision >= stored.revision ? mapDoc.readValid() : null;
    if (!valid) {
      mapDoc.write(stored.map, LOAD_ORIGIN);
      valid = stored.map;
    }
    const saved = { map: stored.map, revision: stored.revision, state: Y.encodeStateAsUpdate(doc) };
    return new LiveRoom(mapId, stored.workspaceId, mapDoc, valid, saved, options);
  }

  get isEmpty(): boolean {
    return this.peers.size === 0;
  }

  /** Greets a new connection: asks for what it has that the server lacks and tells it who is here. */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    peer.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) peer.send(encodeAwareness(this.awareness, present));
  }

  leave(peer: Peer): void {
    const controlled = this.peers.get(peer);
    this.peers.delete(peer);
    if (controlled && controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    }
  }

  /** Handles one binary message; a malformed one closes the connection. */
  receive(peer: Peer, data: Uint8Array): void {
    try {
      const message = decodeClientMessage(data);
      if (message.kind === "sync-step-1") {
        peer.send(encodeSyncStep2(this.doc, message.stateVector));
      } else if (message.kind === "update") {
        if (!peer.readOnly) this.applyUpdate(peer, message.update);
      } else if (message.kind === "awareness") {
        if (this.speaksOnlyForItself(peer, message.clientIds)) {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, peer);
        }
      } else {
        peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
      }
    } catch {
      peer.close(CLOSE_MALFORMED, "malformed message");
    }
  }

  /** A REST write saved `stored`: merge it into the doc so open editors see it (no-op for older revisions). */
  mapWritten(stored: StoredMap): Promise<void> {
    return this.enqueue(async () => this.mergeStored(stored));
  }

  /** Saves pending edits now. */
  flush(): Promise<void> {
    return this.enqueue(() => this.save());
  }

  /** The map was deleted: everyone is sent away and nothing more is saved. */
  mapDeleted(): void {
    this.deleted = true;
    this.schedule.cancel();
    for (const peer of [...this.peers.keys()]) peer.close(CLOSE_MAP_DELETED, "the map was deleted");
  }

  /** Saves what is pending and frees the doc; the caller has closed every connection. */
  async close(): Promise<void> {
    this.schedule.cancel();
    await this.flush();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private applyUpdate(peer: Peer, update: Uint8Array): void {
    let malformed = false;
    this.doc.transact(() => {
      try {
        Y.applyUpdate(this.doc, update, peer);
      } catch {
        malformed = true;
      }
      this.keepValid(this.valid);
    }, peer);
    if (malformed) peer.close(CLOSE_MALFORMED, "malformed update");
  }

  /** Re-reads the map; when the doc no longer holds a valid map, writes `fallback` back. */
  private keepValid(fallback: JourneyMap): void {
    const map = this.mapDoc.readValid(this.valid);
    if (map) {
      this.valid = map;
    } else {
      this.mapDoc.write(fallback, SERVER_ORIGIN);
      this.valid = fallback;
    }
  }

  /**
   * Merges a REST-saved map as a change made on top of the last saved revision (which is the REST
   * write's base), so live edits made since then to other fields and cards survive it.
   */
  private mergeStored(stored: StoredMap): void {
    if (this.deleted || stored.revision <= this.saved.revision) return;
    const fork = new Y.Doc();
    Y.applyUpdate(fork, this.saved.state);
    const base = Y.encodeStateVector(fork);
    writeMapToDoc(fork, stored.map);
    const change = Y.encodeStateAsUpdate(fork, base);
    this.doc.transact(() => {
      Y.applyUpdate(this.doc, change);
      this.keepValid(stored.map);
    }, SERVER_ORIGIN);
    this.saved = { map: stored.map, revision: stored.revision, state: Y.encodeStateAsUpdate(fork) };
    fork.destroy();
    this.dirty = !jsonEqual(this.valid, stored.map);
    if (this.dirty) this.schedule.touch();
  }

  private async save(): Promise<void> {
    if (!this.dirty || this.deleted) return;
    this.dirty = false;
    const map = this.valid;
    const state = Y.encodeStateAsUpdate(this.doc);
    const userIds = [...this.editors];
    this.editors.clear();
    const before = this.saved;
    const { store } = this.options;
    try {
      if (!jsonEqual(map, before.map)) {
        const stored = await store.saveMap(this.mapId, map, before.revision);
        // `map` equals what the store kept and shares its unchanged lanes with the next edits' maps.
        this.saved = { map, revision: stored.revision, state };
        await this.reportSaved(userIds, before.map, stored);
      } else {
        this.saved = { ...before, state };
      }
      await store.liveDocs.saveLiveDoc(this.mapId, state, this.saved.revision);
    } catch (error) {
      await this.recoverFromFailedSave(error, userIds);
    }
  }

  /** Nothing is dropped: the edits stay pending and the save is retried. */
  private async recoverFromFailedSave(error: unknown, userIds: string[]): Promise<void> {
    if (error instanceof NotFoundError) {
      this.mapDeleted();
      return;
    }
    for (const userId of userIds) this.editors.add(userId);
    try {
      // A REST write landed first: merge it, then the retry saves on top of it.
      if (error instanceof ConflictError) this.mergeStored(await this.options.store.getMap(this.mapId));
      else console.error(`[tropa] could not save the live map ${this.mapId}; retrying:`, error);
    } catch (reloadError) {
      console.error(`[tropa] could not reload the map ${this.mapId}; retrying:`, reloadError);
    }
    this.markDirty();
  }

  private async reportSaved(userIds: string[], before: JourneyMap, stored: StoredMap): Promise<void> {
    try {
      await this.options.onRevisionSaved?.({
        mapId: this.mapId,
        workspaceId: this.workspaceId,
        revision: stored.revision,
        userIds,
        before,
        after: stored.map,
      });
    } catch (error) {
      console.error(`[tropa] onRevisionSaved failed for map ${this.mapId}:`, error);
    }
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    const message = encodeUpdate(update);
    for (const peer of this.peers.keys()) peer.send(message);
    if (origin === LOAD_ORIGIN) return;
    const peer = this.peerOf(origin);
    if (peer) this.editors.add(peer.userId);
    this.markDirty();
  }

  private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const controlled = this.peerOf(origin) ? this.peers.get(origin as Peer) : undefined;
    for (const id of added) controlled?.add(id);
    for (const id of removed) controlled?.delete(id);
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const peer of this.peers.keys()) peer.send(message);
  }

  /** A peer may announce its own presence, never overwrite someone else's. */
  private speaksOnlyForItself(peer: Peer, clientIds: number[]): boolean {
    for (const [other, controlled] of this.peers) {
      if (other !== peer && clientIds.some((id) => controlled.has(id))) return false;
    }
    return true;
  }

  private peerOf(origin: unknown): Peer | undefined {
    return this.peers.has(origin as Peer) ? (origin as Peer) : undefined;
  }

  private markDirty(): void {
    this.dirty = true;
    this.schedule.touch();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
