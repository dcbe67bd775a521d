import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../store/test-databases.js";
import { CAPTURE_MAX_MESSAGE_BYTES, CAPTURE_MAX_REQUEST_BYTES } from "./capture.js";
import { type Json, startTestServer, type TestServer } from "./test-server.test-support.js";

describe.each(testBackends())("capture and write keys over HTTP on $name", (backend) => {
  let server: TestServer;
  let writeKey: string;

  const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });
  const capture = (body: unknown, key = writeKey) => server.call("POST", "/api/capture", body, basic(key));
  const summary = async () =>
    (await server.call("GET", `/api/workspaces/${server.workspaceId}/events/summary`)).json;
  const eventCount = async () => (await summary()).events as number;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const answer = await server.call("GET", `/api/workspaces/${server.workspaceId}/write-key`);
    expect(answer.status).toBe(200);
    writeKey = answer.json.writeKey;
  });

  afterAll(async () => {
    await server?.close();
  });

  it("keeps one write key per workspace until it is rotated", async () => {
    const again = await server.call("GET", `/api/workspaces/${server.workspaceId}/write-key`);
    expect(again.json.writeKey).toBe(writeKey);
    expect((await server.call("GET", "/api/workspaces/nope/write-key")).status).toBe(404);
  });

  it("stores a track message sent with the key as the Basic username", async () => {
    const answer = await capture({
      type: "track",
      event: "Signed Up",
      userId: "u1",
      messageId: "m-track-1",
      timestamp: "2024-06-01T10:00:00Z",
      properties: { plan: "pro" },
      context: { campaign: { source: "newsletter", medium: "email", name: "june" } },
    });
    expect(answer).toEqual({ status: 200, json: { success: true } });
    const names = (await summary()).eventNames.map((e: Json) => e.event);
    expect(names).toContain("Signed Up");
    const properties = (
      await server.call("GET", `/api/workspaces/${server.workspaceId}/events/properties?event=Signed%20Up`)
    ).json.properties as Json[];
    expect(Object.fromEntries(properties.map((p) => [p.name, p.examples]))).toEqual({
      plan: ["pro"],
      utm_source: ["newsletter"],
      utm_medium: ["email"],
      utm_campaign: ["june"],
    });
  });

  it("stores a batch of page and identify messages, with the key in the body, and links the ids", async () => {
    const before = await eventCount();
    const batch = {
      writeKey,
      sentAt: "2024-06-02T12:00:00Z",
      batch: [
        {
          type: "page",
          anonymousId: "anon-7",
          messageId: "m-page-1",
          properties: { title: "Pricing" },
          context: { page: { url: "https://shop.example/pricing", path: "/pricing" } },
        },
        {
          type: "identify",
          userId: "u7",
          anonymousId: "anon-7",
          messageId: "m-id-1",
          traits: { plan: "free" },
        },
      ],
    };
    const answer = await server.call("POST", "/api/capture", JSON.stringify(batch), {
      "content-type": "text/plain",
    });
    expect(answer).toEqual({ status: 200, json: { success: true } });
    // The identify links anon-7 to u7: queries see the page view under u7, and the identify itself in no count.
    expect(await eventCount()).toBe(before + 1);
    expect((await summary()).people).toBe(2);
    const pageProperties = await server.call(
      "GET",
      `/api/workspaces/${server.workspaceId}/events/properties?event=%24pageview`,
    );
    expect(Object.fromEntries(pageProperties.json.properties.map((p: Json) => [p.name, p.examples]))).toEqual(
      {
        url: ["https://shop.example/pricing"],
        path: ["/pricing"],
        title: ["Pricing"],
      },
    );
    const sources = (await summary()).sources.map((s: Json) => s.source);
    expect(sources).toEqual(["capture"]);

    const resent = await server.call("POST", "/api/capture", batch);
    expect(resent.status).toBe(200);
    expect(await eventCount()).toBe(before + 1);
  });

  it("refuses a missing, unknown or rotated key and stores nothing", async () => {
    const before = await eventCount();
    const message = { type: "track", event: "x", userId: "u1" };
    const missing = await server.call("POST", "/api/capture", message);
    expect(missing.status).toBe(401);
    expect(missing.json.error.code).toBe("unauthorized");
    expect((await capture(message, "wk_wrong")).status).toBe(401);

    const rotated = await server.call("POST", `/api/workspaces/${server.workspaceId}/write-key/rotate`);
    expect(rotated.json.writeKey).not.toBe(writeKey);
    expect((await capture(message)).status).toBe(401);
    writeKey = rotated.json.writeKey;
    expect(await eventCount()).toBe(before);
  });

  it("stores nothing from a batch with one invalid message, naming it", async () => {
    const before = await eventCount();
    const answer = await capture({
      batch: [
        { type: "track", event: "ok", userId: "u1" },
        { type: "track", event: "ok", userId: "u2" },
        { type: "page", userId: "u3" },
        { type: "track", userId: "u4" },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: "validation_failed", field: "batch.3.event" });
    expect(answer.json.error.message).toMatch(/^batch\.3\.event: /);

    const anonymous = await capture({ type: "track", event: "x" });
    expect(anonymous.json.error.field).toBe("userId");
    const badType = await capture({ type: "screen", userId: "u1" });
    expect(badType.json.error).toMatchObject({
      field: "type",
      message: "type: must be track, page or identify",
    });
    const badTime = await capture({ type: "track", event: "x", userId: "u1", timestamp: "yesterday" });
    expect(badTime.json.error.field).toBe("timestamp");
    expect((await capture("not json")).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it("answers 413 to an oversized message or request and stores nothing", async () => {
    const before = await eventCount();
    const big = {
      type: "track",
      event: "big",
      userId: "u1",
      properties: { blob: "x".repeat(CAPTURE_MAX_MESSAGE_BYTES) },
    };
    const oneBig = await capture({ batch: [{ type: "track", event: "ok", userId: "u1" }, big] });
    expect(oneBig.status).toBe(413);
    expect(oneBig.json.error.field).toBe("batch.1");

    const small = { type: "track", event: "many", userId: "u1", properties: { blob: "y".repeat(20_000) } };
    const many = Array.from({ length: Math.ceil(CAPTURE_MAX_REQUEST_BYTES / 20_000) + 1 }, () => small);
    const tooMany = await capture({ batch: many });
    expect(tooMany.status).toBe(413);
    expect(await eventCount()).toBe(before);
  });
});
