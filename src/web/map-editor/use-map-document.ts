import { useCallback, useEffect, useRef, useState } from "react";
import { ValidationError } from "../../domain/errors.js";
import { type JourneyMap, journeyMapSchema } from "../../domain/journey-map.js";
import { ApiError } from "../api/api-error.js";
import { api } from "../api/client.js";
import { takeEarlyMapRequest } from "./early-map-request.js";
import { type History, record, redo, startHistory, undo } from "./history.js";
import type { SaveState } from "./save-state.js";

export const AUTOSAVE_DELAY_MS = 800;

export type MapEdit = (map: JourneyMap) => JourneyMap;

export interface MapDocument {
  history: History<JourneyMap> | null;
  workspaceId: string;
  revision: number;
  /** The latest saved revision, read at call time (a render's `revision` may be stale inside async code). */
  currentRevision: () => number;
  loadError: string | null;
  saveState: SaveState;
  saveError: string | null;
  /** Why the last edit was refused, e.g. "name: must not be empty". */
  editError: string | null;
  dismissEditError: () => void;
  /** Stable across renders, so memoised rows can take it as a prop. */
  apply: (edit: MapEdit) => void;
  undo: () => void;
  redo: () => void;
  saveNow: () => Promise<void>;
  reload: () => Promise<void>;
}

function checkBeforeSave(map: JourneyMap): JourneyMap {
  const parsed = journeyMapSchema.safeParse(map);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return parsed.data;
}

/** Loads a map, keeps its undo history and autosaves it (debounced) with optimistic concurrency. */
export function useMapDocument(mapId: string): MapDocument {
  const [history, setHistory] = useState<History<JourneyMap> | null>(null);
  const [workspaceId, setWorkspaceId] = useState("");
  const [revision, setRevision] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [saveError, setSaveError] = useState<string | null>(null);
  const [editError, setEditError] = useState<string | null>(null);

  const presentRef = useRef<JourneyMap | null>(null);
  const savedRef = useRef<JourneyMap | null>(null);
  const revisionRef = useRef(0);
  const savingRef = useRef(false);
  const conflictRef = useRef(false);
  // After a failed save the user retries with "Save now" instead of the app hammering the server.
  const failedRef = useRef(false);

  presentRef.current = history?.present ?? null;

  const reload = useCallback(async () => {
    try {
      const loaded = await (takeEarlyMapRequest(mapId) ?? api.map(mapId));
      savedRef.current = loaded.map;
      revisionRef.current = loaded.revision;
      conflictRef.current = false;
      failedRef.current = false;
      setRevision(loaded.revision);
      setWorkspaceId(loaded.workspaceId);
      setHistory(startHistory(loaded.map));
      setSaveState("saved");
      setSaveError(null);
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [mapId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const flush = useCallback(async (): Promise<void> => {
    const map = presentRef.current;
    if (!map || map === savedRef.current || savingRef.current || conflictRef.current) return;
    savingRef.current = true;
    setSaveState("saving");
    try {
      const valid = checkBeforeSave(map);
      const saved = await api.saveMap(valid, revisionRef.current);
      savedRef.current = map;
      revisionRef.current = saved.revision;
      setRevision(saved.revision);
      failedRef.current = false;
      setSaveError(null);
      setSaveState(presentRef.current === map ? "saved" : "unsaved");
    } catch (error) {
      if (error instanceof ApiError && error.isConflict) {
        conflictRef.current = true;
        setSaveState("conflict");
      } else {
        failedRef.current = true;
        setSaveState("error");
      }
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      savingRef.current = false;
    }
    // Edits made while the request was in flight get their own save.
    if (!conflictRef.current && !failedRef.current && presentRef.current !== savedRef.current) {
      setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    }
  }, []);

  const present = history?.present;
  useEffect(() => {
    if (!present || conflictRef.current) return;
    if (present === savedRef.current) {
      if (!savingRef.current) setSaveState("saved");
      return;
    }
    setSaveState((state) => (state === "saving" ? state : "unsaved"));
    const timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [present, flush]);

  // Leaving the page with unsaved edits: save right away and let the browser warn.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (presentRef.current !== savedRef.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      void flush();
    };
  }, [flush]);

  // The edit runs here, not inside the state updater, so a refused edit (a domain error naming the
  // field) can be reported instead of crashing the render.
  const apply = useCallback((edit: MapEdit) => {
    const current = presentRef.current;
    if (!current) return;
    try {
      const next = edit(current);
      presentRef.current = next;
      setEditError(null);
      setHistory((history) => (history ? record(history, next) : history));
    } catch (error) {
      setEditError(error instanceof Error ? error.message : String(error));
    }
  }, []);
  const undoEdit = useCallback(() => setHistory((current) => (current ? undo(current) : current)), []);
  const redoEdit = useCallback(() => setHistory((current) => (current ? redo(current) : current)), []);
  const saveNow = useCallback(async () => {
    failedRef.current = false;
    await flush();
  }, [flush]);

  return {
    history,
    workspaceId,
    revision,
    currentRevision: useCallback(() => revisionRef.current, []),
    loadError,
    saveState,
    saveError,
    editError,
    dismissEditError: useCallback(() => setEditError(null), []),
    apply,
    undo: undoEdit,
    redo: redoEdit,
    saveNow,
    reload,
  };
}
