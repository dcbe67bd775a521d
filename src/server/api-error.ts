import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import {
  ConflictError,
  RateLimitedError,
  TropaError,
  UnsupportedVersionError,
  ValidationError,
} from "../domain/errors.js";
import { MAP_SCHEMA_VERSION } from "../domain/journey-map.js";
import { PERSONA_SCHEMA_VERSION } from "../domain/persona.js";

/** The one error shape every endpoint answers with. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    currentRevision: z.number().int().optional(),
    errorId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorSchema>;

const errorContent = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

/** Error responses for the OpenAPI document; routes pick the ones they can return. */
export const errorResponses = {
  400: errorContent("invalid input; `field` names the offending field"),
  401: errorContent("not signed in (`unauthenticated`), or wrong credentials (`invalid_credentials`)"),
  403: errorContent(
    "the role does not allow it (`forbidden`), or the CSRF header is missing (`csrf_failed`)",
  ),
  404: errorContent("no such workspace, map, version, persona or template"),
  409: errorContent(
    "the map changed since `baseRevision` (`currentRevision` is the latest), or it exists already",
  ),
  413: errorContent("the request body is over the size limit"),
  422: errorContent("a document from a newer Tropa, or a file that cannot be imported"),
  429: errorContent("too many attempts; `Retry-After` says when to try again"),
} as const;

export function errorBody(error: TropaError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.location ? { field: error.location } : {}),
      ...(error instanceof ConflictError && error.currentRevision !== undefined
        ? { currentRevision: error.currentRevision }
        : {}),
    },
  };
}

/** Known errors become their status and message; anything else is logged under an id and kept vague. */
export function respondToError(error: unknown, c: Context): Response {
  if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterSeconds));
  if (error instanceof TropaError) {
    return c.json(errorBody(error), error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException) {
    return c.json({ error: describeHttpException(error) }, error.status);
  }
  const errorId = globalThis.crypto.randomUUID().slice(0, 8);
  console.error(`[tropa] error ${errorId} on ${c.req.method} ${c.req.path}:`, error);
  return c.json(
    {
      error: {
        code: "internal",
        message: `something went wrong on the server; the log has the details under error id ${errorId}`,
        errorId,
      },
    },
    500,
  );
}

/** Hono's own request errors (malformed JSON, wrong content type), reworded so a client knows what to fix. */
function describeHttpException(error: HTTPException): { code: string; message: string } {
  if (error.status === 415) {
    return {
      code: "unsupported_media_type",
      message: "send the body as JSON with Content-Type: application/json",
    };
  }
  if (error.status === 400) {
    return { code: "bad_request", message: error.message || "the request could not be read" };
  }
  return { code: "http_error", message: error.message || `HTTP ${error.status}` };
}

interface HookResult {
  success: boolean;
  error?: z.ZodError;
  target: string;
}

/**
 * Turns a failed request validation into a 400 naming the field ("map.stages.0.name: must not be empty").
 * A document from a newer Tropa is reported as such first: its shape differs for a reason.
 */
export async function validationHook(result: HookResult, c: Context): Promise<void> {
  if (result.success || !result.error) return;
  if (result.target === "json") rejectNewerDocument(await c.req.json());
  throw ValidationError.fromZod(result.error);
}

function rejectNewerDocument(body: unknown): void {
  if (!isRecord(body)) return;
  const map = isRecord(body.map) ? body.map : undefined;
  if (map && typeof map.schemaVersion === "number" && map.schemaVersion > MAP_SCHEMA_VERSION) {
    throw new UnsupportedVersionError(map.schemaVersion, MAP_SCHEMA_VERSION);
  }
  if (typeof body.schemaVersion === "number" && body.schemaVersion > PERSONA_SCHEMA_VERSION) {
    throw new UnsupportedVersionError(body.schemaVersion, PERSONA_SCHEMA_VERSION);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
