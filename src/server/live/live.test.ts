import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { isCardLane, type JourneyMap } from "../../domain/journey-map.js";
import { MAP_ROOT } from "../../domain/live/map-doc.js";
import { renameStage, updateCard, updateMapInfo } from "../../domain/map-operations.js";
import { testBackends } from "../../store/test-databases.js";
import { type Caller, startTestServer, type TestServer } from "../routes/test-server.test-support.js";
import { closeCodeOf, connectLive, type LiveClient, liveUrl, waitFor } from "./live-client.test-support.js";

function firstCard(map: JourneyMap) {
  for (const lane of map.lanes) {
    if (!isCardLane(lane)) continue;
    for (const [stageId, cards] of Object.entries(lane.cells)) {
      const card = cards[0];
      if (card) return { laneId: lane.id, stageId, card };
    }
  }
  throw new Error("the map has a card");
}

function cardText(map: JourneyMap, cardId: string): string | undefined {
  for (const lane of map.lanes) {
    if (!isCardLane(lane)) continue;
    for (const cards of Object.values(lane.cells)) {
      const card = cards.find((c) => c.id === cardId);
      if (card) return card.text;
    }
  }
  return undefined;
}

describe.each(testBackends())("live co-editing over WebSocket ($name)", (backend) => {
  let server: TestServer;
  let editor: Caller;
  let viewer: Caller;
  const clients: LiveClient[] = [];

  const connect = (caller: Caller, mapId: string, doc?: Y.Doc) => {
    const client = connectLive(server.url, mapId, { cookie: caller.cookie }, doc);
    clients.push(client);
    return client;
  };

  const createMap = async (): Promise<string> => {
    const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/maps`, {
      templateId: "example-cafe",
      lang: "en",
    });
    expect(created.status).toBe(201);
    return created.json.map.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    editor = await server.member("editor");
    viewer = await server.member("viewer");
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });

  it("shows one editor's change to another within a second", async () => {
    const mapId = await createMap();
    const a = connect(server.owner, mapId);
    const b = connect(editor, mapId);
    await Promise.all([a.synced, b.synced]);
    const stageId = a.read().stages[0]?.id ?? "";
    const started = Date.now();
    a.edit((map) => renameStage(map, { stageId, name: "Renamed live" }));
    await waitFor(() => b.read().stages[0]?.name === "Renamed live", 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    const saved = await waitFor(async () => {
      const answer = await server.call("GET", `/api/maps/${mapId}`);
      return answer.json.map.stages[0].name === "Renamed live" && answer.json;
    });
    expect(saved.revision).toBeGreaterThan(1);
  });

  it("drops a viewer's document updates but shares their presence", async () => {
    const mapId = await createMap();
    const before = (await server.call("GET", `/api/maps/${mapId}`)).json;
    const owner = connect(server.owner, mapId);
    const watcher = connect(viewer, mapId);
    await Promise.all([owner.synced, watcher.synced]);
    watcher.provider.awareness.setLocalStateField("user", { name: "Viewer" });
    watcher.edit((map) => updateMapInfo(map, { title: "Viewer was here" }));
    await waitFor(() =>
      [...owner.provider.awareness.getStates().values()].some((state) => state.user?.name === "Viewer"),
    );
    owner.edit((map) => updateMapInfo(map, { description: "Owner's edit" }));
    await waitFor(() => watcher.read().description === "Owner's edit");
    const saved = await waitFor(async () => {
      const answer = await server.call("GET", `/api/maps/${mapId}`);
      return answer.json.map.description === "Owner's edit" && answer.json;
    });
    expect(owner.read().title).toBe(before.map.title);
    expect(saved.map.title).toBe(before.map.title);
    const versions = (await server.call("GET", `/api/maps/${mapId}/versions`)).json as { revision: number }[];
    for (const version of versions) {
      const old = await server.call("GET", `/api/maps/${mapId}/versions/${version.revision}`);
      expect(old.json.map.title).not.toBe("Viewer was here");
    }
  });

  it("merges edits made offline when the connection returns", async () => {
    const mapId = await createMap();
    const a = connect(server.owner, mapId);
    const b = connect(editor, mapId);
    await Promise.all([a.synced, b.synced]);
    const { laneId, stageId, card } = firstCard(a.read());
    b.provider.disconnect();
    a.edit((map) => updateCard(map, { laneId, stageId, cardId: card.id, patch: { source: "survey" } }));
    b.edit((map) =>
      updateCard(map, { laneId, stageId, cardId: card.id, patch: { text: "Written offline" } }),
    );
    b.edit((map) => updateMapInfo(map, { segment: "Offline segment" }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.read().segment).not.toBe("Offline segment");
    b.provider.connect();
    for (const client of [a, b]) {
      await waitFor(() => {
        const map = client.read();
        const merged = firstCard(map).card;
        return (
          map.segment === "Offline segment" && merged.text === "Written offline" && merged.source === "survey"
        );
      });
    }
    expect(a.read()).toEqual(b.read());
  });

  it("shows a REST write to connected editors and keeps their unsaved live edits", async () => {
    const mapId = await createMap();
    const a = connect(server.owner, mapId);
    await a.synced;
    const current = (await server.call("GET", `/api/maps/${mapId}`)).json;
    const { laneId, stageId, card } = firstCard(a.read());
    a.edit((map) => updateCard(map, { laneId, stageId, cardId: card.id, patch: { text: "Live text" } }));
    const put = await server.call("PUT", `/api/maps/${mapId}`, {
      map: { ...current.map, title: "Saved over REST" },
      baseRevision: current.revision,
    });
    expect(put.status).toBe(200);
    await waitFor(() => a.read().title === "Saved over REST");
    expect(cardText(a.read(), card.id)).toBe("Live text");
    const saved = await waitFor(async () => {
      const answer = await server.call("GET", `/api/maps/${mapId}`);
      return cardText(answer.json.map, card.id) === "Live text" && answer.json;
    });
    expect(saved.map.title).toBe("Saved over REST");
  });

  it("corrects a hostile update that breaks the schema for everyone", async () => {
    const mapId = await createMap();
    const hostile = connect(editor, mapId);
    const bystander = connect(server.owner, mapId);
    await Promise.all([hostile.synced, bystander.synced]);
    const title = bystander.read().title;
    const stageCount = bystander.read().stages.length;
    hostile.doc.transact(() => {
      const root = hostile.doc.getMap(MAP_ROOT);
      root.set("title", new Y.Text(""));
      const stages = root.get("stages") as Y.Map<unknown>;
      (stages.get("order") as Y.Array<string>).delete(0, stageCount);
    });
    await waitFor(() => {
      const map = hostile.read();
      return map.title === title && map.stages.length === stageCount;
    });
    expect(bystander.read().title).toBe(title);
    expect(bystander.read().stages).toHaveLength(stageCount);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stored = (await server.call("GET", `/api/maps/${mapId}`)).json;
    expect(stored.map.title).toBe(title);
    expect(stored.map.stages).toHaveLength(stageCount);
  });

  it("refuses anonymous users, other workspaces, unknown maps, bad origins and oversized messages", async () => {
    const mapId = await createMap();
    expect(await closeCodeOf(server.url, mapId, { origin: server.url })).toBe(4401);
    expect(await closeCodeOf(server.url, mapId, { origin: server.url, cookie: "tropa_session=forged" })).toBe(
      4401,
    );
    const other = await server.call("POST", "/api/workspaces", { name: "Elsewhere" });
    const stranger = await server.member("owner", other.json.id);
    expect(await closeCodeOf(server.url, mapId, { origin: server.url, cookie: stranger.cookie })).toBe(4403);
    expect(await closeCodeOf(server.url, "no-such-map", { origin: server.url, cookie: editor.cookie })).toBe(
      4404,
    );
    expect(
      await closeCodeOf(server.url, mapId, { origin: "https://evil.example", cookie: editor.cookie }),
    ).toBe(4403);
    expect(await closeCodeOf(server.url, mapId, { cookie: editor.cookie })).toBe(4403);
    const ws = new WebSocket(`${liveUrl(server.url)}/${mapId}`, {
      headers: { cookie: editor.cookie, origin: server.url },
    });
    const code = await new Promise<number>((resolve) => {
      ws.on("open", () => ws.send(new Uint8Array(3 * 1024 * 1024)));
      ws.on("close", (closeCode) => resolve(closeCode));
    });
    expect(code).toBe(4413);
  });

  it("sends a removed member away and makes a demoted editor read-only within the access check", async () => {
    const mapId = await createMap();
    const removed = await server.member("editor");
    const demoted = await server.member("editor");
    const gone = connect(removed, mapId);
    const readOnly = connect(demoted, mapId);
    const owner = connect(server.owner, mapId);
    await Promise.all([gone.synced, readOnly.synced, owner.synced]);
    const closeCode = new Promise<number | undefined>((resolve) =>
      gone.provider.on("connection-close", (event) => resolve(event?.code)),
    );
    const members = `/api/workspaces/${server.workspaceId}/members`;
    expect((await server.call("DELETE", `${members}/${removed.userId}`)).status).toBe(204);
    expect((await server.call("PATCH", `${members}/${demoted.userId}`, { role: "viewer" })).status).toBe(200);
    expect(await closeCode).toBe(4403);
    // Both connections are checked in the same pass; give the demotion's check a moment to finish too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    readOnly.edit((map) => updateMapInfo(map, { title: "Demoted edit" }));
    owner.edit((map) => updateMapInfo(map, { segment: "Later owner edit" }));
    await waitFor(() => readOnly.read().segment === "Later owner edit");
    expect(owner.read().title).not.toBe("Demoted edit");
  }, 30_000);
});
