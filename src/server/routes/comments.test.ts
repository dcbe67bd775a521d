import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCardLane, type JourneyMap } from "../../domain/journey-map.js";
import { testBackends } from "../../store/test-databases.js";
import { type Json, startTestServer, type TestServer } from "./test-server.test-support.js";

type Caller = Awaited<ReturnType<TestServer["member"]>>;

function firstCardId(map: JourneyMap): string {
  for (const lane of map.lanes) {
    if (!isCardLane(lane)) continue;
    const card = Object.values(lane.cells).flat()[0];
    if (card) return card.id;
  }
  throw new Error("the template has no cards");
}

describe.each(testBackends())("comments over HTTP on $name", (backend) => {
  let server: TestServer;
  let map: JourneyMap;
  let revision: number;
  let ownerId: string;
  let commenter: Caller;
  let otherCommenter: Caller;
  let viewer: Caller;
  let editor: Caller;

  const createMap = async (workspaceId: string) => {
    const created = await server.call("POST", `/api/workspaces/${workspaceId}/maps`, {
      templateId: "example-cafe",
      lang: "en",
    });
    expect(created.status).toBe(201);
    return created.json as { map: JourneyMap; revision: number };
  };

  const comment = (caller: { call: TestServer["call"] }, body: Json, mapId = map.id) =>
    caller.call("POST", `/api/maps/${mapId}/comments`, body);
  const list = async (state = "open", mapId = map.id) =>
    (await server.call("GET", `/api/maps/${mapId}/comments?state=${state}`)).json as Json[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    ({ map, revision } = await createMap(server.workspaceId));
    ownerId = (await server.call("GET", "/api/auth/me")).json.user.id;
    commenter = await server.member("commenter");
    otherCommenter = await server.member("commenter");
    viewer = await server.member("viewer");
    editor = await server.member("editor");
  });

  afterAll(async () => {
    await server?.close();
  });

  it("starts a thread on a card with a mention, replies to it, and counts it on the card's badge", async () => {
    const cardId = firstCardId(map);
    const started = await comment(commenter, {
      target: { kind: "card", id: cardId },
      body: "  Is this really the first touchpoint, @Owner?  ",
      mentions: [ownerId],
    });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({
      mapId: map.id,
      target: { kind: "card", id: cardId },
      parentId: null,
      author: { id: commenter.userId },
      body: "Is this really the first touchpoint, @Owner?",
      mentions: [ownerId],
      resolvedAt: null,
    });

    const reply = await comment(server, {
      target: { kind: "map" },
      parentId: started.json.id,
      body: "Yes, the survey says so",
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ parentId: started.json.id, target: { kind: "card", id: cardId } });

    const open = await list();
    expect(open.map((c) => c.id)).toEqual([started.json.id, reply.json.id]);
    const counts = await commenter.call("GET", `/api/maps/${map.id}/comments/counts`);
    expect(counts.json).toEqual([{ target: { kind: "card", id: cardId }, count: 1 }]);

    const activity = await server.call("GET", `/api/maps/${map.id}/activity`);
    expect(activity.json.entries).toContainEqual(
      expect.objectContaining({
        action: "comment.added",
        actor: expect.objectContaining({ id: commenter.userId }),
        details: expect.objectContaining({ excerpt: "Is this really the first touchpoint, @Owner?" }),
      }),
    );
  });

  it("resolves and reopens the whole thread through any of its comments", async () => {
    const stage = map.stages[0];
    if (!stage) throw new Error("no stage");
    const thread = await comment(server, { target: { kind: "stage", id: stage.id }, body: "Rename?" });
    const reply = await comment(commenter, {
      target: { kind: "map" },
      parentId: thread.json.id,
      body: "Agreed",
    });

    const resolved = await commenter.call("POST", `/api/comments/${reply.json.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ id: thread.json.id, resolvedBy: { id: commenter.userId } });
    expect(resolved.json.resolvedAt).toEqual(expect.any(String));

    const openIds = (await list("open")).map((c) => c.id);
    expect(openIds).not.toContain(thread.json.id);
    expect(openIds).not.toContain(reply.json.id);
    expect((await list("resolved")).map((c) => c.id)).toEqual([thread.json.id, reply.json.id]);
    const counts = (await server.call("GET", `/api/maps/${map.id}/comments/counts`)).json as Json[];
    expect(counts.find((entry) => entry.target.kind === "stage")).toBeUndefined();

    const reopened = await server.call("POST", `/api/comments/${thread.json.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.json.resolvedAt).toBeNull();
    expect((await list("open")).map((c) => c.id)).toContain(reply.json.id);
    expect((await list("all")).map((c) => c.id)).toEqual(
      expect.arrayContaining([thread.json.id, reply.json.id]),
    );
  });

  it("lets viewers read comments but not write, resolve or delete them", async () => {
    const thread = await comment(server, { target: { kind: "map" }, body: "For everyone" });
    const seen = await viewer.call("GET", `/api/maps/${map.id}/comments`);
    expect(seen.status).toBe(200);
    expect(seen.json.map((c: Json) => c.id)).toContain(thread.json.id);
    expect((await comment(viewer, { target: { kind: "map" }, body: "Me too" })).status).toBe(403);
    expect(
      (await comment(viewer, { target: { kind: "map" }, parentId: thread.json.id, body: "Reply" })).status,
    ).toBe(403);
    expect((await viewer.call("POST", `/api/comments/${thread.json.id}/resolve`)).status).toBe(403);
    expect((await viewer.call("DELETE", `/api/comments/${thread.json.id}`)).status).toBe(403);
    expect((await list()).map((c) => c.id)).toContain(thread.json.id);
  });

  it("lets commenters comment but not change the map", async () => {
    expect((await comment(commenter, { target: { kind: "map" }, body: "Looks good" })).status).toBe(201);
    const saved = await commenter.call("PUT", `/api/maps/${map.id}`, {
      map: { ...map, title: "Hijacked" },
      baseRevision: revision,
    });
    expect(saved.status).toBe(403);
    expect((await server.call("GET", `/api/maps/${map.id}`)).json.map.title).toBe(map.title);
  });

  it("lets only the author edit a comment, with members as mentions", async () => {
    const own = await comment(commenter, { target: { kind: "map" }, body: "Draft" });
    const edited = await commenter.call("PATCH", `/api/comments/${own.json.id}`, {
      body: " Final, @Editor ",
      mentions: [editor.userId],
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ body: "Final, @Editor", mentions: [editor.userId] });
    expect(edited.json.editedAt).toEqual(expect.any(String));

    for (const other of [otherCommenter, editor, server]) {
      const answer = await other.call("PATCH", `/api/comments/${own.json.id}`, { body: "Not yours" });
      expect(answer.status).toBe(403);
    }
    expect((await list()).find((c) => c.id === own.json.id)?.body).toBe("Final, @Editor");
  });

  it("lets the author or an owner delete a comment, and a thread goes with its first comment", async () => {
    const thread = await comment(commenter, { target: { kind: "map" }, body: "Delete me" });
    const reply = await comment(otherCommenter, {
      target: { kind: "map" },
      parentId: thread.json.id,
      body: "A reply",
    });
    expect((await otherCommenter.call("DELETE", `/api/comments/${thread.json.id}`)).status).toBe(403);
    expect((await editor.call("DELETE", `/api/comments/${reply.json.id}`)).status).toBe(403);

    expect((await server.call("DELETE", `/api/comments/${reply.json.id}`)).status).toBe(204);
    const another = await comment(otherCommenter, {
      target: { kind: "map" },
      parentId: thread.json.id,
      body: "Another reply",
    });
    expect((await commenter.call("DELETE", `/api/comments/${thread.json.id}`)).status).toBe(204);
    const ids = (await list("all")).map((c) => c.id);
    expect(ids).not.toContain(thread.json.id);
    expect(ids).not.toContain(another.json.id);
  });

  it("refuses mentions of people who are not members of the workspace, naming the entry", async () => {
    const answer = await comment(commenter, {
      target: { kind: "map" },
      body: "Hello @Owner and @Ghost",
      mentions: [ownerId, "no-such-user"],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.field).toBe("mentions.1");

    const edit = await comment(commenter, { target: { kind: "map" }, body: "Plain" });
    const badEdit = await commenter.call("PATCH", `/api/comments/${edit.json.id}`, {
      body: "Now @Ghost",
      mentions: ["no-such-user"],
    });
    expect(badEdit.status).toBe(400);
    expect(badEdit.json.error.field).toBe("mentions.0");
  });

  it("refuses targets that are not a stage or card of this map, and empty or long bodies", async () => {
    const other = await createMap(server.workspaceId);
    const foreignCard = await comment(server, {
      target: { kind: "card", id: firstCardId(other.map) },
      body: "Wrong map",
    });
    expect(foreignCard.status).toBe(400);
    expect(foreignCard.json.error.field).toBe("target.id");
    const unknownStage = await comment(server, { target: { kind: "stage", id: "nostage" }, body: "Where?" });
    expect(unknownStage.status).toBe(400);
    expect(unknownStage.json.error.field).toBe("target.id");

    const blank = await comment(server, { target: { kind: "map" }, body: "   " });
    expect(blank.status).toBe(400);
    expect(blank.json.error.field).toBe("body");
    const long = await comment(server, { target: { kind: "map" }, body: "x".repeat(4001) });
    expect(long.status).toBe(400);
    expect((await comment(server, { target: { kind: "map" }, body: "x".repeat(4000) })).status).toBe(201);

    const foreignParent = await comment(server, { target: { kind: "map" }, body: "Elsewhere" }, other.map.id);
    const crossReply = await comment(server, {
      target: { kind: "map" },
      parentId: foreignParent.json.id,
      body: "Crossing maps",
    });
    expect(crossReply.status).toBe(400);
    expect(crossReply.json.error.field).toBe("parentId");
  });

  it("keeps members of another workspace and anonymous callers out", async () => {
    const thread = await comment(server, { target: { kind: "map" }, body: "Internal" });
    const workspace = await server.call("POST", "/api/workspaces", { name: "Elsewhere" });
    expect(workspace.status).toBe(201);
    const elsewhere = await createMap(workspace.json.id);
    const elsewhereThread = await comment(
      server,
      { target: { kind: "map" }, body: "Private" },
      elsewhere.map.id,
    );

    // commenter belongs to the first workspace only.
    expect((await commenter.call("GET", `/api/maps/${elsewhere.map.id}/comments`)).status).toBe(403);
    expect((await commenter.call("GET", `/api/maps/${elsewhere.map.id}/comments/counts`)).status).toBe(403);
    expect((await comment(commenter, { target: { kind: "map" }, body: "Hi" }, elsewhere.map.id)).status).toBe(
      403,
    );
    const path = `/api/comments/${elsewhereThread.json.id}`;
    expect((await commenter.call("POST", `${path}/resolve`)).status).toBe(403);
    expect((await commenter.call("DELETE", path)).status).toBe(403);
    expect((await commenter.call("PATCH", path, { body: "Mine now" })).status).toBe(403);
    // A member of this workspace cannot be mentioned from the other one, where they are not a member.
    const crossMention = await comment(
      server,
      { target: { kind: "map" }, body: "@Commenter", mentions: [commenter.userId] },
      elsewhere.map.id,
    );
    expect(crossMention.status).toBe(400);

    expect((await server.anonymous.call("GET", `/api/maps/${map.id}/comments`)).status).toBe(401);
    expect((await server.anonymous.call("POST", `/api/comments/${thread.json.id}/resolve`)).status).toBe(401);
    expect((await list()).find((c) => c.id === thread.json.id)?.resolvedAt).toBeNull();
  });

  it("answers 404 for an unknown map or comment", async () => {
    expect((await server.call("GET", "/api/maps/nomap/comments")).status).toBe(404);
    expect((await server.call("POST", "/api/comments/nocomment/resolve")).status).toBe(404);
  });
});
