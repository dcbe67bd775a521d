import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { type JourneyMap, journeyMapSchema } from "../domain/journey-map.js";
import { type Persona, personaSchema } from "../domain/persona.js";
import { openStore } from "./open-store.js";
import type { Store, StoreConfig } from "./store.js";
import { testBackends } from "./test-databases.js";

function sampleMap(title = "Buying a sofa"): JourneyMap {
  return journeyMapSchema.parse({
    schemaVersion: 1,
    id: newId(),
    title,
    stages: [
      { id: "s1", name: "Notice" },
      { id: "s2", name: "Choose" },
    ],
    lanes: [
      { id: "l1", type: "actions", title: "Actions", cells: { s1: [{ id: "c1", text: "Sees an ad" }] } },
    ],
  });
}

function samplePersona(name = "Anna"): Persona {
  return personaSchema.parse({ schemaVersion: 1, id: newId(), name });
}

describe.each(testBackends())("store on $name", (backend) => {
  let config: StoreConfig;
  let cleanup: () => Promise<void>;
  let store: Store;
  let workspaceId: string;

  beforeEach(async () => {
    ({ config, cleanup } = await backend.create());
    store = await openStore(config);
    workspaceId = (await store.createWorkspace("Team")).id;
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("reports its engine", () => {
    expect(store.kind).toBe(backend.name);
  });

  it("creates, lists and finds workspaces", async () => {
    const second = await store.createWorkspace("Second");
    expect((await store.listWorkspaces()).map((w) => w.name).sort()).toEqual(["Second", "Team"]);
    expect(await store.getWorkspace(second.id)).toEqual(second);
    await expect(store.getWorkspace("nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("creates a map with its personas and lists a summary", async () => {
    const persona = samplePersona();
    const map = { ...sampleMap(), personaIds: [persona.id] };
    const created = await store.createMap(workspaceId, map, [persona]);
    expect(created.revision).toBe(1);

    const loaded = await store.getMap(map.id);
    expect(loaded.map).toEqual(map);
    expect(loaded.workspaceId).toBe(workspaceId);
    expect(await store.listPersonas(workspaceId)).toEqual([persona]);

    const [summary] = await store.listMaps(workspaceId);
    expect(summary).toMatchObject({
      id: map.id,
      title: "Buying a sofa",
      personaIds: [persona.id],
      stageCount: 2,
      revision: 1,
      lastReviewedAt: null,
      reviewOverdue: false,
    });
  });

  it("rejects unknown ids and invalid maps naming the field", async () => {
    await expect(store.getMap("missing")).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.createMap("missing", sampleMap())).rejects.toBeInstanceOf(NotFoundError);
    const bad = sampleMap();
    bad.stages[0] = { id: "s1", name: "", description: "", substeps: [], matchers: [] };
    await expect(store.createMap(workspaceId, bad)).rejects.toMatchObject({
      message: "map.stages.0.name: must not be empty",
      location: "map.stages.0.name",
    });
    await expect(store.createMap(workspaceId, bad)).rejects.toBeInstanceOf(ValidationError);
    expect(await store.listMaps(workspaceId)).toEqual([]);
  });

  it("keeps every saved revision as a version, newest first", async () => {
    const map = sampleMap();
    await store.createMap(workspaceId, map);
    const saved = await store.saveMap(map.id, { ...map, title: "Buying a chair" }, 1);
    expect(saved.revision).toBe(2);
    expect((await store.getMap(map.id)).map.title).toBe("Buying a chair");

    const versions = await store.listVersions(map.id);
    expect(versions.map((v) => v.revision)).toEqual([2, 1]);
    expect((await store.getVersion(map.id, 1)).map.title).toBe("Buying a sofa");
    await expect(store.getVersion(map.id, 9)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("names a version and clears the name", async () => {
    const map = sampleMap();
    await store.createMap(workspaceId, map);
    expect(await store.nameVersion(map.id, 1, "  Before the workshop ")).toMatchObject({
      revision: 1,
      name: "Before the workshop",
    });
    expect((await store.listVersions(map.id))[0]?.name).toBe("Before the workshop");
    expect((await store.nameVersion(map.id, 1, "")).name).toBeNull();
    await expect(store.nameVersion(map.id, 5, "x")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("restores an old version as a new revision", async () => {
    const map = sampleMap();
    await store.createMap(workspaceId, map);
    await store.saveMap(map.id, { ...map, title: "Changed" }, 1);
    const restored = await store.restoreVersion(map.id, 1, 2);
    expect(restored.revision).toBe(3);
    expect(restored.map.title).toBe("Buying a sofa");
    expect((await store.listVersions(map.id)).map((v) => v.revision)).toEqual([3, 2, 1]);
    await expect(store.restoreVersion(map.id, 1, 2)).rejects.toMatchObject({
      code: "conflict",
      currentRevision: 3,
    });
  });

  it("rejects a save from a stale revision with the current one", async () => {
    const map = sampleMap();
    await store.createMap(workspaceId, map);
    await store.saveMap(map.id, { ...map, title: "First" }, 1);
    const stale = store.saveMap(map.id, { ...map, title: "Second" }, 1);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ currentRevision: 2 });
    expect((await store.getMap(map.id)).map.title).toBe("First");
    await expect(store.saveMap("missing", { ...map, id: "missing" }, 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("lets exactly one of two concurrent saves from the same base win", async () => {
    const map = sampleMap();
    await store.createMap(workspaceId, map);
    const results = await Promise.allSettled([
      store.saveMap(map.id, { ...map, title: "Alice" }, 1),
      store.saveMap(map.id, { ...map, title: "Bob" }, 1),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.status === "rejected" && lost[0].reason).toBeInstanceOf(ConflictError);
    const current = await store.getMap(map.id);
    expect(current.revision).toBe(2);
    expect((await store.listVersions(map.id)).map((v) => v.revision)).toEqual([2, 1]);
  });

  it("rolls a failed write back completely", async () => {
    const other = await store.createWorkspace("Other");
    const foreign = samplePersona("Foreign");
    await store.savePersona(other.id, foreign);
    const fresh = samplePersona("Fresh");
    const map = sampleMap();
    // The second persona fails after the first one and before the map were written.
    await expect(store.createMap(workspaceId, map, [fresh, foreign])).rejects.toThrow(
      /belongs to another workspace/,
    );
    expect(await store.listPersonas(workspaceId)).toEqual([]);
    expect(await store.listMaps(workspaceId)).toEqual([]);
    await expect(store.getMap(map.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deletes a map with its versions", async () => {
    const map = sampleMap();
    await store.createMap(workspaceId, map);
    await store.saveMap(map.id, { ...map, title: "Again" }, 1);
    await store.deleteMap(map.id);
    await expect(store.getMap(map.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.getVersion(map.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.deleteMap(map.id)).rejects.toBeInstanceOf(NotFoundError);
    // The id is free again: no orphaned version rows block a new map with it.
    await store.createMap(workspaceId, map);
    expect((await store.listVersions(map.id)).map((v) => v.revision)).toEqual([1]);
  });

  it("flags maps not reviewed for a year", async () => {
    const old = { ...sampleMap("Old"), lastReviewedAt: "2020-01-01T00:00:00.000Z" };
    const recent = { ...sampleMap("Recent"), lastReviewedAt: new Date().toISOString() };
    await store.createMap(workspaceId, old);
    await store.createMap(workspaceId, recent);
    const byTitle = Object.fromEntries(
      (await store.listMaps(workspaceId)).map((m) => [m.title, m.reviewOverdue]),
    );
    expect(byTitle).toEqual({ Old: true, Recent: false });
  });

  it("creates, updates, reads and deletes personas", async () => {
    const persona = samplePersona();
    await store.savePersona(workspaceId, persona);
    await store.savePersona(workspaceId, { ...persona, occupation: "Designer" });
    expect(await store.getPersona(persona.id)).toEqual({
      persona: { ...persona, occupation: "Designer" },
      workspaceId,
    });
    await expect(store.savePersona(workspaceId, { ...persona, name: " " })).rejects.toThrow(
      "persona.name: must not be empty",
    );
    await store.deletePersona(persona.id);
    await expect(store.getPersona(persona.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.deletePersona(persona.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("saves maps as workspace templates", async () => {
    const map = sampleMap();
    const template = await store.saveWorkspaceTemplate(workspaceId, "Our funnel", map);
    expect(await store.listWorkspaceTemplates(workspaceId)).toEqual([template]);
    expect((await store.getWorkspaceTemplate(template.id)).map).toEqual(map);
    await expect(store.getWorkspaceTemplate("nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stores user text verbatim, markup included", async () => {
    const map = sampleMap(`<script>alert("x")</script> & 'quotes'`);
    await store.createMap(workspaceId, map);
    expect((await store.getMap(map.id)).map.title).toBe(`<script>alert("x")</script> & 'quotes'`);
  });

  it("keeps data across close and reopen", async () => {
    const map = sampleMap();
    await store.createMap(workspaceId, map);
    await store.close();
    store = await openStore(config);
    expect((await store.getMap(map.id)).map).toEqual(map);
  });
});

it("explains an unreachable PostgreSQL without revealing the password", async () => {
  const opening = openStore({ dataDir: "", databaseUrl: "postgres://tropa:s3cret@127.0.0.1:1/tropa" });
  await expect(opening).rejects.toThrow(
    /^cannot open the database \(PostgreSQL at postgres:\/\/tropa:\*\*\*@127\.0\.0\.1:1\/tropa\)/,
  );
  await expect(opening).rejects.not.toThrow(/s3cret/);
});
