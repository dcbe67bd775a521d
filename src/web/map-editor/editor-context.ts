import { createContext, useContext } from "react";
import type { MapEdit } from "./use-map-document.js";

export interface EditorActions {
  apply: (edit: MapEdit) => void;
  readOnly: boolean;
}

/** Stable for the life of the editor, so memoised rows and cards do not re-render through it. */
export const EditorContext = createContext<EditorActions>({ apply: () => {}, readOnly: true });

export const useEditor = (): EditorActions => useContext(EditorContext);
