import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { JourneyMap } from "../../domain/journey-map.js";
import { type Role, roleAtLeast } from "../../domain/team/role.js";
import { useMe } from "../account/me-context.js";
import { api } from "../api/client.js";
import type { LoadedMap } from "../api/types.js";
import type { LinkState } from "../live/link-state.js";
import { LiveSession } from "../live/live-session.js";
import type { Peer, PresenceFocus } from "../live/presence.js";
import { SaveConfirmation } from "../live/save-confirmation.js";
import { colourOf } from "../live/user-colour.js";
import { takeEarlyMapRequest } from "./early-map-request.js";
import { type SaveState, saveStateOf } from "./save-state.js";

/** How long "save first" (before an export, a template, a funnel) waits for the server to store edits. */
const SAVE_WAIT_MS = 10_000;
/** Others' edits are stored a second or two after they pause; then the stored revision is asked again. */
const REVISION_REFRESH_MS = 2_500;

export type MapEdit = (map: JourneyMap) => JourneyMap;

export interface MapDocument {
  map: JourneyMap | null;
  workspaceId: string;
  /** The latest stored revision this editor knows of. */
  revision: number;
  loadError: string | null;
  /** The user's role in the map's workspace. */
  role: Role | undefined;
  /** The role lets them edit this map (owner or editor). */
  mayEdit: boolean;
  /** Edits are possible now: allowed, and the live document has synced. */
  editable: boolean;
  link: LinkState;
  saveState: SaveState;
  /** Why the last edit was refused, e.g. "map.stages.0.name: must not be empty". */
  editError: string | null;
  dismissEditError: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Everyone in the editor, this user first. */
  peers: Peer[];
  /** Stable across renders, so memoised rows can take it as a prop. */
  apply: (edit: MapEdit) => void;
  undo: () => void;
  redo: () => void;
  /** Resolves once the server has stored this user's edits (or when waiting cannot help: offline). */
  saveNow: () => Promise<void>;
  /** The stored revision, asked from the server (restoring a version needs the newest one); updates `revision`. */
  storedRevision: () => Promise<number>;
  setFocus: (focus: PresenceFocus) => void;
}

/**
 * The map in the editor: painted from the REST answer, then edited live through the map's shared Yjs
 * document (see src/web/live/live-session.ts), with presence and "saved" confirmed against the server.
 */
export function useMapDocument(mapId: string): MapDocument {
  const { me } = useMe();
  const [loaded, setLoaded] = useState<LoadedMap | null>(null);
  const [map, setMap] = useState<JourneyMap | null>(null);
  const [revision, setRevision] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [link, setLink] = useState<LinkState>({ kind: "connecting" });
  const [pending, setPending] = useState(false);
  const [editError, setEditError] = useState<string | null>(null);
  const [undoState, setUndoState] = useState({ canUndo: false, canRedo: false });
  const [peers, setPeers] = useState<Peer[]>([]);
  const [ready, setReady] = useState(false);
  const sessionRef = useRef<LiveSession | null>(null);
  const confirmationRef = useRef<SaveConfirmation | null>(null);
  const waitersRef = useRef(new Set<() => void>());

  useEffect(() => {
    let cancelled = false;
    (takeEarlyMapRequest(mapId) ?? api.map(mapId))
      .then((answer) => {
        if (cancelled) return;
        setLoaded(answer);
        setMap(answer.map);
        setRevision(answer.revision);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [mapId]);

  const workspaceId = loaded?.workspaceId ?? "";
  const role = me.workspaces.find((workspace) => workspace.id === workspaceId)?.role;
  const mayEdit = role !== undefined && roleAtLeast(role, "editor");
  const { id: userId, name: userName } = me.user;
  const user = useMemo(() => ({ id: userId, name: userName, color: colourOf(userId) }), [userId, userName]);

  const storedRevision = useCallback(async () => {
    const { revision } = await api.map(mapId);
    setRevision(revision);
    return revision;
  }, [mapId]);

  const releaseWaiters = useCallback(() => {
    for (const resolve of waitersRef.current) resolve();
    waitersRef.current.clear();
  }, []);

  useEffect(() => {
    if (!loaded) return;
    let revisionTimer: ReturnType<typeof setTimeout> | undefined;
    // The versions list marks the current revision: keep it right when others' edits are stored.
    const refreshRevisionLater = () => {
      clearTimeout(revisionTimer);
      revisionTimer = setTimeout(() => storedRevision().catch(() => {}), REVISION_REFRESH_MS);
    };
    setLink({ kind: "connecting" });
    setReady(false);
    const confirmation = new SaveConfirmation({
      fetchStored: () => api.map(mapId),
      local: () => session.map,
      delivered: () => session.delivered,
      onChange: (isPending) => {
        setPending(isPending);
        if (!isPending) releaseWaiters();
      },
      onRevision: setRevision,
    });
    const session = new LiveSession({
      mapId,
      user,
      readOnly: !mayEdit,
      initial: loaded.map,
      events: {
        onMap: (next) => {
          setMap(next);
          refreshRevisionLater();
        },
        onLink: (state) => {
          setLink(state);
          setReady(session.ready);
          if (state.kind !== "live") releaseWaiters();
        },
        onUndoStack: (canUndo, canRedo) => setUndoState({ canUndo, canRedo }),
        onPeers: setPeers,
        onLocalEdit: () => confirmation.noteEdit(),
      },
    });
    sessionRef.current = session;
    confirmationRef.current = confirmation;
    return () => {
      clearTimeout(revisionTimer);
      confirmation.stop();
      session.destroy();
      sessionRef.current = null;
      confirmationRef.current = null;
      releaseWaiters();
    };
  }, [loaded, mapId, user, mayEdit, releaseWaiters, storedRevision]);

  // Leaving with edits the server has not stored yet (offline, or within the save interval): let the browser warn.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (confirmationRef.current?.isPending) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  // The edit runs here, not inside a state updater, so a refused edit (a domain error naming the
  // field) can be reported instead of crashing the render.
  const apply = useCallback((edit: MapEdit) => {
    const session = sessionRef.current;
    if (!session) return;
    try {
      setMap(session.apply(edit));
      setEditError(null);
    } catch (error) {
      setEditError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  const saveNow = useCallback(
    () =>
      new Promise<void>((resolve) => {
        if (!confirmationRef.current?.isPending || !sessionRef.current?.delivered) return resolve();
        const timer = setTimeout(done, SAVE_WAIT_MS);
        function done() {
          clearTimeout(timer);
          waitersRef.current.delete(done);
          resolve();
        }
        waitersRef.current.add(done);
      }),
    [],
  );

  return {
    map,
    workspaceId,
    revision,
    loadError,
    role,
    mayEdit,
    editable: mayEdit && ready,
    link,
    saveState: saveStateOf(link, pending),
    editError,
    dismissEditError: useCallback(() => setEditError(null), []),
    canUndo: undoState.canUndo,
    canRedo: undoState.canRedo,
    peers,
    apply,
    undo: useCallback(() => sessionRef.current?.undo(), []),
    redo: useCallback(() => sessionRef.current?.redo(), []),
    saveNow,
    storedRevision,
    setFocus: useCallback((focus: PresenceFocus) => sessionRef.current?.setFocus(focus), []),
  };
}
