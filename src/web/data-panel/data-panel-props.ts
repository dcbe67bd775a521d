import type { JourneyMap } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import type { MapEdit } from "../map-editor/use-map-document.js";

/** What the editor hands the data panel: the map on screen and the ways to change it. */
export interface DataPanelProps {
  map: JourneyMap;
  workspaceId: string;
  personas: Persona[];
  /** Stores a changed persona (its segment rule) and refreshes the workspace's personas. */
  savePersona: (persona: Persona) => Promise<unknown>;
  readOnly: boolean;
  apply: (edit: MapEdit) => void;
  /** Saves pending edits first, so the server computes over the bindings on screen. */
  saveNow: () => Promise<void>;
  onClose: () => void;
}
