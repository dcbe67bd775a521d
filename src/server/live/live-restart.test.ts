import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCardLane } from "../../domain/journey-map.js";
import { renameStage, updateCard } from "../../domain/map-operations.js";
import { openStore } from "../../store/open-store.js";
import { testBackends } from "../../store/test-databases.js";
import { loadConfig } from "../config.js";
import { setUpOwner } from "../routes/test-server.test-support.js";
import { type RunningServer, startServer } from "../start.js";
import { connectLive, type LiveClient, waitFor } from "./live-client.test-support.js";
import type { LiveRevisionSaved } from "./live-room.js";

describe.each(testBackends())("live state across a server restart ($name)", (backend) => {
  it("keeps every acknowledged edit, merges edits made while the server was down, duplicates nothing", async () => {
    const database = await backend.create();
    const dataDir = mkdtempSync(path.join(tmpdir(), "tropa-live-"));
    const storeConfig = { dataDir, databaseUrl: database.config.databaseUrl };
    const seed = await openStore(storeConfig);
    await seed.createWorkspace("Tests");
    await seed.close();
    const saves: LiveRevisionSaved[] = [];
    const start = (port: string) =>
      startServer(
        {
          ...loadConfig({ PORT: port, HOST: "127.0.0.1", DATA_DIR: dataDir }),
          ...storeConfig,
          webDir: dataDir,
        },
        { onLiveRevisionSaved: (saved) => void saves.push(saved) },
      );
    let server: RunningServer = await start("0");
    const clients: LiveClient[] = [];
    try {
      const owner = await setUpOwner(server.url);
      const workspaceId = (await owner.call("GET", "/api/workspaces")).json[0].id as string;
      const created = await owner.call("POST", `/api/workspaces/${workspaceId}/maps`, {
        templateId: "example-cafe",
        lang: "en",
      });
      const mapId = created.json.map.id as string;
      const stageCount = created.json.map.stages.length as number;
      const session = { cookie: owner.cookie };
      const a = connectLive(server.url, mapId, session);
      const b = connectLive(server.url, mapId, session);
      clients.push(a, b);
      await Promise.all([a.synced, b.synced]);
      const stageId = a.read().stages[0]?.id ?? "";
      a.edit((map) => renameStage(map, { stageId, name: "Before the restart" }));
      // b seeing it means the server applied it; closing at once must still save it.
      await waitFor(() => b.read().stages[0]?.name === "Before the restart");
      const { url } = server;
      await server.close();
      const lane = a.read().lanes.find(isCardLane);
      const [cellStage, cards] = Object.entries(lane?.cells ?? {}).find(([, list]) => list.length > 0) ?? [];
      const cardId = cards?.[0]?.id ?? "";
      a.edit((map) =>
        updateCard(map, {
          laneId: lane?.id ?? "",
          stageId: cellStage ?? "",
          cardId,
          patch: { text: "While down" },
        }),
      );
      server = await start(new URL(url).port);
      const fresh = connectLive(server.url, mapId, session);
      clients.push(fresh);
      await fresh.synced;
      const merged = await waitFor(() => {
        const map = fresh.read();
        const card = Object.values(map.lanes.find(isCardLane)?.cells ?? {})
          .flat()
          .find((c) => c.id === cardId);
        return card?.text === "While down" && map;
      }, 10_000);
      expect(merged.stages[0]?.name).toBe("Before the restart");
      expect(merged.stages).toHaveLength(stageCount);
      const cardCount = (map: typeof merged) =>
        map.lanes.flatMap((l) => (isCardLane(l) ? Object.values(l.cells).flat() : [])).length;
      expect(cardCount(merged)).toBe(cardCount(created.json.map));
      for (const client of [a, b]) {
        await waitFor(() => {
          expect(client.read()).toEqual(fresh.read());
          return true;
        });
      }
      const stored = await waitFor(async () => {
        const answer = await owner.call("GET", `/api/maps/${mapId}`);
        return answer.json.map.stages[0].name === "Before the restart" && answer.json;
      });
      expect(stored.map.stages).toHaveLength(stageCount);
      expect(saves[0]).toMatchObject({ mapId, workspaceId, userIds: [owner.userId] });
      expect(saves[0]?.before.stages[0]?.name).not.toBe("Before the restart");
      expect(saves[0]?.after.stages[0]?.name).toBe("Before the restart");
    } finally {
      for (const client of clients) client.close();
      await server.close();
      await database.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
