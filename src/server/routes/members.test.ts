import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../domain/team/role.js";
import { testBackends } from "../../store/test-databases.js";
import { hashSecretToken, newSecretToken } from "../auth/secret-token.js";
import {
  type Caller,
  callerOf,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from "./test-server.test-support.js";

describe.each(testBackends())("workspaces, members and invitations over HTTP on $name", (backend) => {
  let server: TestServer;
  const members = (workspaceId = server.workspaceId) => `/api/workspaces/${workspaceId}/members`;
  const invitations = (workspaceId = server.workspaceId) => `/api/workspaces/${workspaceId}/invitations`;
  const invite = async (role: string, workspaceId = server.workspaceId) => {
    const created = await server.call("POST", invitations(workspaceId), { role });
    expect(created.status).toBe(201);
    return created.json;
  };
  const signUp = (token: string, email: string) =>
    server.anonymous.call("POST", "/api/auth/sign-up", {
      email,
      name: "New Colleague",
      password: TEST_PASSWORD,
      invitation: token,
    });
  const roleOf = async (caller: Caller, workspaceId = server.workspaceId) =>
    (await caller.call("GET", "/api/workspaces")).json.find((w: { id: string }) => w.id === workspaceId)
      ?.role;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });

  afterAll(async () => {
    await server?.close();
  });

  it("invites by a single-use link that a new user signs up with", async () => {
    const created = await server.call("POST", invitations(), { role: "editor", expiresInDays: 3 });
    expect(created.status).toBe(201);
    const { token, url, id } = created.json;
    expect(url).toBe(`${server.url}/#/invite/${token}`);
    expect(created.json).toMatchObject({ role: "editor", workspaceId: server.workspaceId });
    const days = (Date.parse(created.json.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);

    const listed = (await server.call("GET", invitations())).json;
    expect(listed.map((i: { id: string }) => i.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toContain(token);

    const preview = await server.anonymous.call("GET", `/api/invitations/${token}`);
    expect(preview.json).toEqual({
      workspaceName: "Tests",
      role: "editor",
      invitedBy: "Owner",
      expiresAt: created.json.expiresAt,
    });

    const joined = await signUp(token, "Colleague@Example.test");
    expect(joined.status).toBe(201);
    expect(joined.headers.get("set-cookie")).toMatch(/^tropa_session=/);
    expect(joined.json.user.email).toBe("colleague@example.test");
    expect(joined.json.workspaces).toEqual([
      expect.objectContaining({ id: server.workspaceId, role: "editor" }),
    ]);

    const reused = await signUp(token, "second@example.test");
    expect(reused.status).toBe(400);
    expect(reused.json.error.field).toBe("invitation");
    expect((await server.anonymous.call("GET", `/api/invitations/${token}`)).status).toBe(404);
    expect((await server.call("GET", invitations())).json.map((i: { id: string }) => i.id)).not.toContain(id);
    const people = (await server.call("GET", members())).json;
    expect(people).toContainEqual(
      expect.objectContaining({ email: "colleague@example.test", role: "editor" }),
    );
  });

  it("refuses sign-up with an email that has an account, and without a real invitation", async () => {
    const { token } = await invite("viewer");
    const taken = await signUp(token, server.owner.email);
    expect(taken.status).toBe(409);
    expect((await server.anonymous.call("GET", `/api/invitations/${token}`)).status).toBe(200);
    const made = await signUp(newSecretToken(), "nobody-invited@example.test");
    expect(made.status).toBe(400);
    expect(made.json.error.field).toBe("invitation");
    expect(
      (
        await server.anonymous.call("POST", "/api/auth/sign-in", {
          email: "nobody-invited@example.test",
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(401);
  });

  it("stops an expired invitation from working", async () => {
    const token = newSecretToken();
    const store = await server.openStore();
    try {
      await store.members.createInvitation({
        workspaceId: server.workspaceId,
        role: "editor",
        tokenHash: hashSecretToken(token),
        createdBy: server.owner.userId,
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
    } finally {
      await store.close();
    }
    expect((await server.anonymous.call("GET", `/api/invitations/${token}`)).status).toBe(404);
    expect((await signUp(token, "late@example.test")).status).toBe(400);
    const existing = await server.member("viewer");
    expect((await existing.call("POST", "/api/invitations/accept", { token })).status).toBe(400);
    expect(await roleOf(existing)).toBe("viewer");
  });

  it("revokes an invitation, and only owners manage them", async () => {
    const { token, id } = await invite("commenter");
    const editor = await server.member("editor");
    expect((await editor.call("POST", invitations(), { role: "viewer" })).status).toBe(403);
    expect((await editor.call("GET", invitations())).status).toBe(403);
    expect((await editor.call("DELETE", `${invitations()}/${id}`)).status).toBe(403);
    expect((await server.anonymous.call("GET", `/api/invitations/${token}`)).status).toBe(200);

    expect((await server.call("DELETE", `${invitations()}/${id}`)).status).toBe(204);
    expect((await server.call("DELETE", `${invitations()}/${id}`)).status).toBe(404);
    expect((await server.anonymous.call("GET", `/api/invitations/${token}`)).status).toBe(404);
    expect((await signUp(token, "revoked@example.test")).status).toBe(400);
  });

  it("lets a signed-in user accept an invitation to another workspace and switch between them", async () => {
    const other = await server.call("POST", "/api/workspaces", { name: "  Research  " });
    expect(other.status).toBe(201);
    expect(other.json).toMatchObject({ name: "Research", role: "owner" });
    const viewer = await server.member("viewer");
    const { token } = await invite("editor", other.json.id);

    const noCsrf = callerOf(server.url, { cookie: viewer.cookie });
    expect((await noCsrf("POST", "/api/invitations/accept", { token })).status).toBe(403);
    expect((await server.anonymous.call("POST", "/api/invitations/accept", { token })).status).toBe(401);

    const accepted = await viewer.call("POST", "/api/invitations/accept", { token });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ workspaceId: other.json.id, role: "editor" });
    const workspaces = (await viewer.call("GET", "/api/workspaces")).json;
    expect(workspaces.map((w: { name: string; role: string }) => [w.name, w.role])).toEqual([
      ["Tests", "viewer"],
      ["Research", "editor"],
    ]);
    expect((await viewer.call("POST", "/api/invitations/accept", { token })).status).toBe(400);
  });

  it("lists only each user's own workspaces, and lets only owners rename one", async () => {
    const stranger = await server.member(
      "owner",
      (await server.call("POST", "/api/workspaces", { name: "Elsewhere" })).json.id,
    );
    const mine = await stranger.call("POST", "/api/workspaces", { name: "Stranger's own" });
    const names = (await stranger.call("GET", "/api/workspaces")).json.map((w: { name: string }) => w.name);
    expect(names).toEqual(["Elsewhere", "Stranger's own"]);
    expect((await server.call("GET", "/api/workspaces")).json.map((w: { id: string }) => w.id)).not.toContain(
      mine.json.id,
    );

    const editor = await server.member("editor");
    const path = `/api/workspaces/${server.workspaceId}`;
    expect((await editor.call("PATCH", path, { name: "Mine now" })).status).toBe(403);
    expect((await stranger.call("PATCH", path, { name: "Mine now" })).status).toBe(403);
    expect((await server.call("PATCH", path, { name: "" })).json.error.field).toBe("name");
    const renamed = await server.call("PATCH", path, { name: "Team space" });
    expect(renamed.json).toMatchObject({ id: server.workspaceId, name: "Team space", role: "owner" });
    expect((await editor.call("GET", "/api/workspaces")).json[0].name).toBe("Team space");
    expect((await server.call("PATCH", "/api/workspaces/no-such-workspace", { name: "x" })).status).toBe(404);
    await server.call("PATCH", path, { name: "Tests" });
  });

  it("changes roles (owners only), and the new role applies on the next request", async () => {
    const viewer = await server.member("viewer");
    const maps = `/api/workspaces/${server.workspaceId}/maps`;
    const body = { templateId: "model-online-product", lang: "en" };
    expect((await viewer.call("POST", maps, body)).status).toBe(403);
    const editor = await server.member("editor");
    expect((await editor.call("PATCH", `${members()}/${viewer.userId}`, { role: "editor" })).status).toBe(
      403,
    );
    expect((await viewer.call("PATCH", `${members()}/${viewer.userId}`, { role: "owner" })).status).toBe(403);

    const changed = await server.call("PATCH", `${members()}/${viewer.userId}`, { role: "editor" });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ userId: viewer.userId, role: "editor" });
    expect((await viewer.call("POST", maps, body)).status).toBe(201);
    expect((await server.call("PATCH", `${members()}/${viewer.userId}`, { role: "boss" })).status).toBe(400);
    expect(
      (await server.call("PATCH", `${members()}/${server.owner.userId}x`, { role: "viewer" })).status,
    ).toBe(404);
  });

  it("never leaves a workspace without an owner", async () => {
    const { json: space } = await server.call("POST", "/api/workspaces", { name: "Owned" });
    const self = `${members(space.id)}/${server.owner.userId}`;
    const demoted = await server.call("PATCH", self, { role: "editor" });
    expect(demoted.status).toBe(400);
    expect(demoted.json.error.field).toBe("role");
    expect((await server.call("DELETE", self)).status).toBe(400);
    expect(await roleOf(server.owner, space.id)).toBe("owner");

    const second = await server.member("owner", space.id);
    expect((await server.call("PATCH", self, { role: "editor" })).status).toBe(200);
    expect(await roleOf(server.owner, space.id)).toBe("editor");
    expect((await second.call("DELETE", `${members(space.id)}/${second.userId}`)).status).toBe(400);
  });

  it("removes a member with immediate effect, and lets members leave themselves", async () => {
    const maps = `/api/workspaces/${server.workspaceId}/maps`;
    const leaving = await server.member("commenter");
    const removed = await server.member("editor");
    expect((await removed.call("GET", maps)).status).toBe(200);
    expect((await leaving.call("DELETE", `${members()}/${removed.userId}`)).status).toBe(403);

    expect((await server.call("DELETE", `${members()}/${removed.userId}`)).status).toBe(204);
    expect((await removed.call("GET", maps)).status).toBe(403);
    expect((await removed.call("GET", members())).status).toBe(403);
    expect((await removed.call("GET", "/api/workspaces")).json).toEqual([]);
    expect((await server.call("DELETE", `${members()}/${removed.userId}`)).status).toBe(404);

    expect((await leaving.call("DELETE", `${members()}/${leaving.userId}`)).status).toBe(204);
    expect((await leaving.call("GET", maps)).status).toBe(403);
    const userIds = (await server.call("GET", members())).json.map((m: { userId: string }) => m.userId);
    expect(userIds).not.toContain(removed.userId);
    expect(userIds).not.toContain(leaving.userId);
  });

  it("shows members to every role, and nothing to other workspaces or anonymous callers", async () => {
    for (const role of ROLES) {
      const caller = await server.member(role);
      const listed = await caller.call("GET", members());
      expect({ role, status: listed.status }).toEqual({ role, status: 200 });
      expect(listed.json).toContainEqual(expect.objectContaining({ userId: caller.userId, role }));
    }
    const { json: elsewhere } = await server.call("POST", "/api/workspaces", { name: "Other team" });
    const outsider = await server.member("owner", elsewhere.id);
    expect((await outsider.call("GET", members())).status).toBe(403);
    expect((await outsider.call("POST", invitations(), { role: "owner" })).status).toBe(403);
    expect((await server.anonymous.call("GET", members())).status).toBe(401);
    expect((await server.call("GET", members("no-such-workspace"))).status).toBe(404);
  });

  it("keeps a member of another workspace out of this one's maps", async () => {
    const created = await server.call("POST", `/api/workspaces/${server.workspaceId}/maps`, {
      templateId: "model-online-product",
      lang: "en",
    });
    const { map, revision } = created.json;
    const { json: elsewhere } = await server.call("POST", "/api/workspaces", { name: "Neighbours" });
    const outsider = await server.member("owner", elsewhere.id);
    const answers = [
      await outsider.call("GET", `/api/workspaces/${server.workspaceId}/maps`),
      await outsider.call("GET", `/api/maps/${map.id}`),
      await outsider.call("PUT", `/api/maps/${map.id}`, {
        map: { ...map, title: "Taken over" },
        baseRevision: revision,
      }),
      await outsider.call("DELETE", `/api/maps/${map.id}`),
      await outsider.call("GET", `/api/maps/${map.id}/versions`),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await server.call("GET", `/api/maps/${map.id}`)).json.map.title).toBe(map.title);
  });

  it("makes links from PUBLIC_URL and sends Secure cookies behind https", async () => {
    const secure = await startTestServer(backend, { PUBLIC_URL: "https://tropa.example.test/" });
    try {
      const created = await secure.call("POST", `/api/workspaces/${secure.workspaceId}/invitations`, {
        role: "viewer",
      });
      expect(created.json.url).toBe(`https://tropa.example.test/#/invite/${created.json.token}`);
      const signedIn = await secure.anonymous.call("POST", "/api/auth/sign-in", {
        email: secure.owner.email,
        password: TEST_PASSWORD,
      });
      expect(signedIn.headers.get("set-cookie")).toContain("Secure");
    } finally {
      await secure.close();
    }
  });

  it("slows down invitation guessing with 429", async () => {
    const token = newSecretToken();
    const answers = [];
    for (let i = 0; i < 21; i++)
      answers.push((await server.anonymous.call("GET", `/api/invitations/${token}`)).status);
    expect(answers.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(answers[20]).toBe(429);
    const { token: real } = await invite("viewer");
    expect((await server.anonymous.call("GET", `/api/invitations/${real}`)).status).toBe(200);
    expect((await signIn(server.url, server.owner.email)).userId).toBe(server.owner.userId);
  });

  it("counts only failed sign-ups against an address, so a whole team can join from one office", async () => {
    const office = await startTestServer(backend);
    try {
      for (let i = 0; i < 32; i++) await office.member("viewer");
      const guesses = [];
      for (let i = 0; i < 31; i++) {
        const answer = await office.anonymous.call("POST", "/api/auth/sign-up", {
          email: `guesser-${i}@example.test`,
          name: "Guesser",
          password: TEST_PASSWORD,
          invitation: newSecretToken(),
        });
        guesses.push(answer.status);
      }
      expect(guesses.slice(0, 30).every((status) => status === 400)).toBe(true);
      expect(guesses[30]).toBe(429);
    } finally {
      await office.close();
    }
  });
});
