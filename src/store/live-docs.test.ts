import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../domain/errors.js";
import type { JourneyMap } from "../domain/journey-map.js";
import { openStore } from "./open-store.js";
import type { Store } from "./store.js";
import { sampleMap } from "./team-fixtures.test-support.js";
import { testBackends } from "./test-databases.js";

describe.each(testBackends())("live documents on $name", (backend) => {
  let cleanup: () => Promise<void>;
  let store: Store;
  let map: JourneyMap;

  beforeEach(async () => {
    const created = await backend.create();
    cleanup = created.cleanup;
    store = await openStore(created.config);
    map = sampleMap();
    await store.createMap((await store.createWorkspace("Team")).id, map);
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("keeps every byte of the state with its revision and replaces it on save", async () => {
    expect(await store.liveDocs.getLiveDoc(map.id)).toBeNull();
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    await store.liveDocs.saveLiveDoc(map.id, everyByte, 1);
    expect(await store.liveDocs.getLiveDoc(map.id)).toEqual({
      mapId: map.id,
      state: everyByte,
      revision: 1,
      updatedAt: expect.any(String),
    });

    // A view into a larger buffer: only its own bytes are stored.
    const backing = Uint8Array.from([9, 9, 1, 2, 3, 9]);
    await store.liveDocs.saveLiveDoc(map.id, backing.subarray(2, 5), 2);
    const saved = await store.liveDocs.getLiveDoc(map.id);
    expect(saved?.state).toEqual(Uint8Array.from([1, 2, 3]));
    expect(saved?.revision).toBe(2);
  });

  it("refuses an unknown map and goes with a deleted one", async () => {
    await expect(store.liveDocs.saveLiveDoc("missing", new Uint8Array([1]), 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await store.liveDocs.saveLiveDoc(map.id, new Uint8Array([1, 2]), 1);
    await store.deleteMap(map.id);
    expect(await store.liveDocs.getLiveDoc(map.id)).toBeNull();
  });
});
