/** The collaborative (Yjs) state of a map, kept with the map revision it was last written with. */
export interface LiveDocRecord {
  mapId: string;
  /** `Y.encodeStateAsUpdate(doc)`. */
  state: Uint8Array;
  revision: number;
  updatedAt: string;
}

export interface LiveDocStore {
  getLiveDoc(mapId: string): Promise<LiveDocRecord | null>;
  saveLiveDoc(mapId: string, state: Uint8Array, revision: number): Promise<void>;
}
