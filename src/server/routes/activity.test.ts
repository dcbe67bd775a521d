import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../store/test-databases.js";
import {
  type Caller,
  funnelEventsCsv,
  type Json,
  startTestServer,
  type TestServer,
  waitForImport,
} from "./test-server.test-support.js";

describe.each(testBackends())("activity log API ($name)", (backend) => {
  let server: TestServer;
  let editor: Caller;
  let mapId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    editor = await server.member("editor");
  });
  afterAll(() => server?.close());

  const mapLog = async (caller: Caller = server.owner, query = "") => {
    const answer = await caller.call("GET", `/api/maps/${mapId}/activity${query}`);
    expect(answer.status).toBe(200);
    return answer.json.entries as Json[];
  };
  const workspaceLog = async (caller: Caller = server.owner, query = "") => {
    const answer = await caller.call("GET", `/api/workspaces/${server.workspaceId}/activity${query}`);
    expect(answer.status).toBe(200);
    return answer.json.entries as Json[];
  };

  it("records a map's creation, edits in words, review and restore, each with who did it", async () => {
    const created = await editor.call("POST", `/api/workspaces/${server.workspaceId}/maps`, {
      templateId: "model-b2b",
      lang: "en",
    });
    expect(created.status).toBe(201);
    mapId = created.json.map.id;
    const map = created.json.map;
    const stage = map.stages[1];
    const lane = map.lanes.find((candidate: Json) => candidate.type === "actions");
    const cell = lane.cells[stage.id] ?? [];
    lane.cells[stage.id] = [...cell, { id: "newcard1", text: "Compares prices" }];
    const saved = await editor.call("PUT", `/api/maps/${mapId}`, {
      map,
      baseRevision: created.json.revision,
    });
    expect(saved.status).toBe(200);
    // A save that changes nothing writes no line.
    const same = await server.call("PUT", `/api/maps/${mapId}`, { map, baseRevision: saved.json.revision });
    expect(same.status).toBe(200);
    const reviewed = await server.call("POST", `/api/maps/${mapId}/review`, {});
    expect(reviewed.status).toBe(200);
    const restored = await server.call("POST", `/api/maps/${mapId}/versions/1/restore`, {
      baseRevision: reviewed.json.revision,
    });
    expect(restored.status).toBe(200);

    const entries = await mapLog();
    expect(entries.map((entry) => [entry.action, entry.actor?.name])).toEqual([
      ["map.restored", "Owner"],
      ["map.edited", "Owner"],
      ["map.edited", expect.stringMatching(/^Editor/)],
      ["map.created", expect.stringMatching(/^Editor/)],
    ]);
    expect(entries[0]?.details).toMatchObject({ title: map.title, revision: 1 });
    expect(entries[1]?.details.changes).toEqual([{ kind: "reviewed" }]);
    expect(entries[2]?.details.changes).toEqual([
      {
        kind: "card-added",
        id: "newcard1",
        stage: stage.name,
        lane: lane.title,
        text: "Compares prices",
      },
    ]);
    expect(entries[2]?.actor.id).toBe(editor.userId);
    expect(entries.every((entry) => entry.mapId === mapId && entry.workspaceId === server.workspaceId)).toBe(
      true,
    );
  });

  it("records personas, map imports and deletions in the workspace log", async () => {
    const persona = await editor.call("POST", `/api/workspaces/${server.workspaceId}/personas`, {
      schemaVersion: 1,
      name: "Busy buyer",
    });
    expect(persona.status).toBe(201);
    expect((await editor.call("DELETE", `/api/personas/${persona.json.id}`)).status).toBe(204);
    const exported = await fetch(`${server.url}/api/maps/${mapId}/export?format=json`, {
      headers: { cookie: server.owner.cookie },
    });
    const imported = await server.call(
      "POST",
      `/api/workspaces/${server.workspaceId}/import?format=json&filename=copy.json`,
      await exported.text(),
    );
    expect(imported.status).toBe(201);
    expect((await server.call("DELETE", `/api/maps/${imported.json.map.id}`)).status).toBe(204);

    const entries = await workspaceLog(server.owner, "?limit=4");
    expect(entries.map((entry) => entry.action)).toEqual([
      "map.deleted",
      "map.imported",
      "persona.deleted",
      "persona.saved",
    ]);
    expect(entries[0]?.mapId).toBe(imported.json.map.id);
    expect(entries[1]?.details).toEqual({ title: imported.json.map.title, filename: "copy.json" });
    expect(entries[2]?.details).toEqual({ name: "Busy buyer" });
    expect(entries[2]?.actor.id).toBe(editor.userId);
  });

  it("records an event import when the job finishes, with its counts", async () => {
    const started = await editor.call(
      "POST",
      `/api/workspaces/${server.workspaceId}/imports?filename=funnel.csv`,
      funnelEventsCsv(),
      { "content-type": "text/csv" },
    );
    expect(started.status).toBe(202);
    const job = await waitForImport(server, started.json.id);
    expect(job.state).toBe("done");
    const [latest] = await workspaceLog(server.owner, "?limit=1");
    expect(latest).toMatchObject({
      action: "events.imported",
      mapId: null,
      actor: { id: editor.userId },
      details: { filename: "funnel.csv", inserted: job.inserted, duplicates: 0, rejected: 0 },
    });
  });

  it("records membership, workspace, comment and share-link changes with the right actor", async () => {
    const joiner = await server.member("viewer");
    const promoted = await server.call(
      "PATCH",
      `/api/workspaces/${server.workspaceId}/members/${joiner.userId}`,
      {
        role: "commenter",
      },
    );
    expect(promoted.status).toBe(200);
    const comment = await joiner.call("POST", `/api/maps/${mapId}/comments`, {
      target: { kind: "map" },
      body: "Is the second stage right?",
    });
    expect(comment.status).toBe(201);
    expect((await editor.call("POST", `/api/comments/${comment.json.id}/resolve`)).status).toBe(200);
    const link = await editor.call("POST", `/api/maps/${mapId}/share-links`, {});
    expect(link.status).toBe(201);
    expect((await editor.call("DELETE", `/api/maps/${mapId}/share-links/${link.json.id}`)).status).toBe(204);
    expect(
      (await server.call("DELETE", `/api/workspaces/${server.workspaceId}/members/${joiner.userId}`)).status,
    ).toBe(204);
    const renamed = await server.call("PATCH", `/api/workspaces/${server.workspaceId}`, { name: "Team" });
    expect(renamed.status).toBe(200);

    const entries = await workspaceLog(server.owner, "?limit=9");
    const who = new Map([
      [server.owner.userId, "owner"],
      [editor.userId, "editor"],
      [joiner.userId, "joiner"],
    ]);
    const byWhom = (entry: Json) => who.get(entry.actor?.id) ?? "?";
    expect(entries.map((entry) => [entry.action, byWhom(entry)])).toEqual([
      ["workspace.renamed", "owner"],
      ["member.removed", "owner"],
      ["share.revoked", "editor"],
      ["share.created", "editor"],
      ["comment.resolved", "editor"],
      ["comment.added", "joiner"],
      ["member.role_changed", "owner"],
      ["member.joined", "joiner"],
      ["member.invited", "owner"],
    ]);
    expect(entries[0]?.details).toEqual({ from: "Tests", to: "Team" });
    expect(entries[6]?.details).toMatchObject({ userId: joiner.userId, role: "commenter" });
    expect(entries[7]?.details).toEqual({ role: "viewer" });
    // The map's own log has the map's comments and links, not the workspace's membership.
    const mapActions = (await mapLog()).map((entry) => entry.action);
    expect(mapActions).toContain("comment.added");
    expect(mapActions).not.toContain("member.joined");
  });

  it("pages from newest to oldest without repeating or losing entries", async () => {
    const all = await workspaceLog(server.owner, "?limit=100");
    const seen: Json[] = [];
    let before: string | null = null;
    do {
      const query: string = `?limit=3${before ? `&before=${encodeURIComponent(before)}` : ""}`;
      const answer = await server.call("GET", `/api/workspaces/${server.workspaceId}/activity${query}`);
      expect(answer.status).toBe(200);
      expect(answer.json.entries.length).toBeLessThanOrEqual(3);
      seen.push(...answer.json.entries);
      before = answer.json.next;
    } while (before);
    expect(seen.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
    expect(all.length).toBeGreaterThan(6);
    expect((await server.call("GET", `/api/workspaces/${server.workspaceId}/activity?limit=0`)).status).toBe(
      400,
    );
    expect(
      (await server.call("GET", `/api/workspaces/${server.workspaceId}/activity?limit=101`)).status,
    ).toBe(400);
    expect((await server.call("GET", `/api/maps/${mapId}/activity?before=garbage`)).status).toBe(400);
  });

  it("shows the log to editors and owners only", async () => {
    expect((await mapLog(editor)).length).toBeGreaterThan(0);
    expect((await workspaceLog(editor)).length).toBeGreaterThan(0);
    for (const role of ["commenter", "viewer"] as const) {
      const member = await server.member(role);
      expect((await member.call("GET", `/api/maps/${mapId}/activity`)).status).toBe(403);
      expect((await member.call("GET", `/api/workspaces/${server.workspaceId}/activity`)).status).toBe(403);
    }
    expect((await server.anonymous.call("GET", `/api/maps/${mapId}/activity`)).status).toBe(401);
    expect(
      (await server.anonymous.call("GET", `/api/workspaces/${server.workspaceId}/activity`)).status,
    ).toBe(401);
  });

  it("keeps workspaces apart: an owner elsewhere gets 403, and their log holds only their own", async () => {
    const other = await server.owner.call("POST", "/api/workspaces", { name: "Elsewhere" });
    expect(other.status).toBe(201);
    const stranger = await server.member("owner", other.json.id);
    expect((await stranger.call("GET", `/api/maps/${mapId}/activity`)).status).toBe(403);
    expect((await stranger.call("GET", `/api/workspaces/${server.workspaceId}/activity`)).status).toBe(403);
    const theirs = await stranger.call("GET", `/api/workspaces/${other.json.id}/activity`);
    expect(theirs.status).toBe(200);
    expect(theirs.json.entries.every((entry: Json) => entry.workspaceId === other.json.id)).toBe(true);
  });

  it("answers 404 for the log of a map that does not exist", async () => {
    expect((await server.call("GET", "/api/maps/nosuchmap/activity")).status).toBe(404);
  });
});
