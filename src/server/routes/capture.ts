import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { PayloadTooLargeError, ValidationError } from "../../domain/errors.js";
import type { Store } from "../../store/store.js";
import { errorBody, errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import {
  type CaptureMessage,
  captureBatchSchema,
  captureMessageSchema,
  toEventRecord,
} from "../capture/capture-message.js";
import { MessageTooLargeError } from "../capture/message-too-large-error.js";
import { UnauthorizedError } from "../capture/unauthorized-error.js";

/** Segment's own limits, so its libraries' batching fits as is. */
export const CAPTURE_MAX_MESSAGE_BYTES = 32 * 1024;
export const CAPTURE_MAX_REQUEST_BYTES = 500 * 1024;

const captureRoute = createRoute({
  method: "post",
  path: "/api/capture",
  summary: "Receive events from Segment-compatible clients (track, page, identify; single or {batch:[…]})",
  description: `The body is one message (CaptureMessage) or a batch (CaptureBatch), as JSON (Content-Type application/json or text/plain). The workspace's write key goes in HTTP Basic auth as the username (Segment's way) or as \`writeKey\` in the body. track → the event; page → "$pageview" with url, path and title; identify → "$identify" with the traits, and \`alias\` = anonymousId when userId is given (links the two ids). \`messageId\` is the event id, so a re-sent message adds nothing. Answers 200 only once the events are stored durably; any invalid message (400, \`field\` names it, e.g. batch.3.event) stores nothing. Limits: ${CAPTURE_MAX_MESSAGE_BYTES} bytes per message, ${CAPTURE_MAX_REQUEST_BYTES} per request (413).`,
  responses: {
    200: {
      description: "stored",
      content: { "application/json": { schema: z.object({ success: z.literal(true) }) } },
    },
    400: errorResponses[400],
    401: {
      description: "no write key, or not a workspace's current one",
      content: errorResponses[400].content,
    },
    413: errorResponses[413],
  },
});

type Body = Record<string, unknown>;

function parseBody(text: string): Body {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError('the body is not JSON; send one message or {"batch": [...]}');
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError('the body must be a JSON object: one message or {"batch": [...]}');
  }
  return value as Body;
}

/** The write key from HTTP Basic auth (username, Segment's way) or the body's `writeKey`. */
function writeKeyOf(authorization: string | undefined, body: Body): string | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const username = decoded.split(":", 1)[0] ?? "";
    if (username !== "") return username;
  }
  return typeof body.writeKey === "string" && body.writeKey !== "" ? body.writeKey : undefined;
}

async function authenticate(store: Store, authorization: string | undefined, body: Body): Promise<string> {
  const writeKey = writeKeyOf(authorization, body);
  if (!writeKey) {
    throw new UnauthorizedError(
      "no write key: send the workspace's write key as the HTTP Basic username or as writeKey in the body",
    );
  }
  const workspaceId = await store.findWorkspaceByWriteKey(writeKey);
  if (!workspaceId) {
    throw new UnauthorizedError(
      "unknown write key; copy the current one from the workspace (it may have been rotated)",
    );
  }
  return workspaceId;
}

/** Every message checked before anything is stored; the first problem names its place (batch.3.event). */
function readMessages(body: Body): { messages: CaptureMessage[]; sentAt: string | undefined } {
  const isBatch = "batch" in body;
  const raw: unknown[] = isBatch && Array.isArray(body.batch) ? body.batch : [body];
  raw.forEach((message, i) => {
    const bytes = Buffer.byteLength(JSON.stringify(message) ?? "");
    if (bytes > CAPTURE_MAX_MESSAGE_BYTES) {
      throw new MessageTooLargeError(isBatch ? `batch.${i}` : "message", CAPTURE_MAX_MESSAGE_BYTES);
    }
  });
  if (isBatch) {
    const parsed = captureBatchSchema.safeParse(body);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    return { messages: parsed.data.batch, sentAt: parsed.data.sentAt };
  }
  const parsed = captureMessageSchema.safeParse(body);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return { messages: [parsed.data], sentAt: undefined };
}

export function registerCaptureRoutes(app: App): void {
  app.openAPIRegistry.register("CaptureMessage", captureMessageSchema);
  app.openAPIRegistry.register("CaptureBatch", captureBatchSchema);
  app.use(
    "/api/capture",
    bodyLimit({
      maxSize: CAPTURE_MAX_REQUEST_BYTES,
      onError: (c) => c.json(errorBody(new PayloadTooLargeError(CAPTURE_MAX_REQUEST_BYTES)), 413),
    }),
  );

  // The write key is the only credential here: capture clients are sites and apps, not signed-in users.
  app.openapi(captureRoute, async (c) => {
    const body = parseBody(await c.req.text());
    const workspaceId = await authenticate(c.var.store, c.req.header("authorization"), body);
    const { messages, sentAt } = readMessages(body);
    const now = Date.now();
    const events = messages.map((message) => toEventRecord(message, { sentAt, now }));
    await c.var.eventStores.use(workspaceId, (store) => store.insertEvents([events], { source: "capture" }));
    return c.json({ success: true as const }, 200);
  });
}
