import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listTemplates } from "../domain/templates/index.js";
import { openStore } from "./open-store.js";
import { DEMO_WORKSPACE_NAME, seedDemoWorkspace } from "./seed-demo.js";
import type { Store } from "./store.js";
import { testBackends } from "./test-databases.js";

describe.each(testBackends())("demo seeding on $name", (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const created = await backend.create();
    cleanup = created.cleanup;
    store = await openStore(created.config);
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("fills an empty store with every example template in English and Russian, once", async () => {
    await seedDemoWorkspace(store);
    await seedDemoWorkspace(store);

    const workspaces = await store.listWorkspaces();
    expect(workspaces.map((w) => w.name)).toEqual([DEMO_WORKSPACE_NAME]);
    const [workspace] = workspaces;
    if (!workspace) throw new Error("no workspace");
    const maps = await store.listMaps(workspace.id);
    const examples = listTemplates().filter((t) => t.kind === "example");
    expect(examples.length).toBeGreaterThan(0);
    expect(maps).toHaveLength(examples.length * 2);
    const seeded = await Promise.all(maps.map(async (m) => (await store.getMap(m.id)).map));
    const pairs = seeded.map((map) => `${map.templateId}/${map.lang}`).sort();
    expect(pairs).toEqual(examples.flatMap((t) => [`${t.id}/en`, `${t.id}/ru`]).sort());
    for (const map of seeded) {
      for (const personaId of map.personaIds) {
        expect((await store.getPersona(personaId)).workspaceId).toBe(workspace.id);
      }
    }
  });

  it("leaves a store that already has a workspace alone", async () => {
    const own = await store.createWorkspace("Mine");
    await seedDemoWorkspace(store);
    expect(await store.listWorkspaces()).toEqual([own]);
    expect(await store.listMaps(own.id)).toEqual([]);
  });
});
