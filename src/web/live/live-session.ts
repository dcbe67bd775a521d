import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { JourneyMap } from "../../domain/journey-map.js";
import { LiveMapDoc, MAP_ROOT } from "../../domain/live/map-doc.js";
import { ATTEMPTS_BEFORE_UNREACHABLE, type LinkState } from "./link-state.js";
import { liveServerUrl } from "./live-url.js";
import { type Peer, type PresenceFocus, type PresenceUser, peersOf } from "./presence.js";

/** Marks this user's own transactions: undo tracks only these, and they need no re-read of the doc. */
const LOCAL_ORIGIN = Symbol("local edit");

/** Remote updates arriving together are read once; a local edit reads any pending one first. */
const REMOTE_READ_DELAY_MS = 30;

export interface LiveSessionEvents {
  /** The document changed other than by this user's edit: the first sync, someone else, undo/redo. */
  onMap(map: JourneyMap): void;
  onLink(state: LinkState): void;
  onUndoStack(canUndo: boolean, canRedo: boolean): void;
  onPeers(peers: Peer[]): void;
  /** A local edit went into the document (to be confirmed as stored). */
  onLocalEdit(): void;
}

interface Options {
  mapId: string;
  user: PresenceUser;
  /** Commenters and viewers: receive edits and presence, never write. */
  readOnly: boolean;
  /** The map from the first paint, until the document has synced. */
  initial: JourneyMap;
  events: LiveSessionEvents;
}

/**
 * One editor's connection to the map's shared Yjs document: edits go in as diffs, remote changes come
 * out as validated maps, undo covers only this user's edits, and awareness carries who is where.
 */
export class LiveSession {
  private readonly doc = new Y.Doc();
  private readonly mapDoc = new LiveMapDoc(this.doc);
  /** The doc describes `current` (false after reading an invalid doc): writes may then skip unchanged parts. */
  private docHoldsCurrent = false;
  private readonly provider: WebsocketProvider;
  private undoManager: Y.UndoManager | null = null;
  private current: JourneyMap;
  /** Synced at least once: the document now descends from the server's. */
  private everSynced = false;
  private isReady = false;
  private failedAttempts = 0;
  private remoteReadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: Options) {
    this.current = options.initial;
    // BroadcastChannel sync between tabs is off: every tab goes through the server, which checks roles.
    this.provider = new WebsocketProvider(liveServerUrl(window.location), options.mapId, this.doc, {
      disableBc: true,
    });
    this.provider.awareness.setLocalState({ user: options.user, focus: {} });
    this.provider.on("sync", (synced) => this.onSync(synced));
    this.provider.on("status", ({ status }) => this.onStatus(status));
    this.provider.on("connection-close", () => this.onAttemptFailed());
    this.provider.on("connection-error", () => this.onAttemptFailed());
    this.provider.on("closed", ({ code }) => options.events.onLink({ kind: "refused", code }));
    this.provider.awareness.on("change", () => this.publishPeers());
    this.doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL_ORIGIN) this.scheduleRemoteRead();
    });
    this.publishPeers();
  }

  /** True once the document has synced: before that, writing would fork it from the server's. */
  get ready(): boolean {
    return this.isReady;
  }

  get map(): JourneyMap {
    return this.current;
  }

  /** True while the socket still holds bytes not yet handed to the network. */
  get delivered(): boolean {
    const socket = this.provider.ws;
    return this.provider.synced && socket !== null && socket.bufferedAmount === 0;
  }

  /**
   * Applies `edit` to the map as it is now (remote changes included) and writes the difference into the
   * document. Throws the domain error when the edit or the resulting map is invalid; nothing is written then.
   */
  apply(edit: (map: JourneyMap) => JourneyMap): JourneyMap {
    if (!this.ready || this.options.readOnly) return this.current;
    this.readRemoteNow();
    const edited = edit(this.current);
    if (edited === this.current) return this.current;
    const next = this.mapDoc.parse(edited, this.current);
    this.mapDoc.write(next, LOCAL_ORIGIN, this.docHoldsCurrent ? this.current : undefined);
    this.current = next;
    this.docHoldsCurrent = true;
    this.options.events.onLocalEdit();
    return next;
  }

  undo(): void {
    this.readRemoteNow();
    this.undoManager?.undo();
  }

  redo(): void {
    this.readRemoteNow();
    this.undoManager?.redo();
  }

  /** Where this user is editing, shown to the others as an outline. */
  setFocus(focus: PresenceFocus): void {
    this.provider.awareness.setLocalStateField("focus", focus);
  }

  destroy(): void {
    this.cancelRemoteRead();
    this.undoManager?.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }

  private onSync(synced: boolean): void {
    if (!synced) return;
    this.everSynced = true;
    this.failedAttempts = 0;
    this.cancelRemoteRead();
    if (this.readDoc()) this.becomeReady();
    if (this.isReady) this.options.events.onLink({ kind: "live" });
  }

  /** After the first sync that brought a valid map (the server seeds the document from the stored map). */
  private becomeReady(): void {
    if (this.isReady) return;
    this.isReady = true;
    if (!this.options.readOnly) this.startUndo();
    if (this.provider.synced) this.options.events.onLink({ kind: "live" });
  }

  private onStatus(status: "connected" | "disconnected" | "connecting"): void {
    if (status === "disconnected" && this.everSynced) this.options.events.onLink({ kind: "offline" });
  }

  private onAttemptFailed(): void {
    this.failedAttempts++;
    if (!this.everSynced && this.failedAttempts >= ATTEMPTS_BEFORE_UNREACHABLE) {
      this.options.events.onLink({ kind: "unreachable" });
    }
  }

  private startUndo(): void {
    const undoManager = new Y.UndoManager(this.doc.getMap(MAP_ROOT), {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      // One step per edit, as before live editing: the editor's edits are already whole operations.
      captureTimeout: 0,
    });
    const publish = () =>
      this.options.events.onUndoStack(undoManager.undoStack.length > 0, undoManager.redoStack.length > 0);
    undoManager.on("stack-item-added", publish);
    undoManager.on("stack-item-popped", publish);
    undoManager.on("stack-cleared", publish);
    this.undoManager = undoManager;
    publish();
  }

  private scheduleRemoteRead(): void {
    if (!this.everSynced || this.remoteReadTimer) return;
    this.remoteReadTimer = setTimeout(() => this.readRemoteNow(), REMOTE_READ_DELAY_MS);
  }

  private readRemoteNow(): void {
    if (!this.remoteReadTimer) return;
    this.cancelRemoteRead();
    if (this.readDoc()) this.becomeReady();
  }

  private cancelRemoteRead(): void {
    if (this.remoteReadTimer) clearTimeout(this.remoteReadTimer);
    this.remoteReadTimer = null;
  }

  /**
   * Takes the document's map. A merge can leave it briefly invalid (the server then writes the last
   * valid map back); until then the last valid map stays on screen. Returns whether the doc was valid.
   */
  private readDoc(): boolean {
    const next = this.mapDoc.readValid(this.current);
    this.docHoldsCurrent = next !== null;
    if (!next) return false;
    if (next !== this.current) {
      this.current = next;
      this.options.events.onMap(next);
    }
    return true;
  }

  private publishPeers(): void {
    this.options.events.onPeers(peersOf(this.provider.awareness.getStates(), this.options.user.id));
  }
}
