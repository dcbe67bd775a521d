import type { z } from "zod";

/**
 * The fixed set of errors Tropa raises on purpose. Each has a stable code and an HTTP status;
 * the server maps them to one response shape, the CLI prints their message.
 */
export class TropaError extends Error {
  readonly code: string;
  readonly status: number;
  /** Where the problem is: a field path ("stages.2.name"), a file, a row. */
  readonly location: string | undefined;

  constructor(code: string, status: number, message: string, location?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.location = location;
  }
}

export class ValidationError extends TropaError {
  constructor(message: string, location?: string) {
    super("validation_failed", 400, message, location);
  }

  /** Turns the first zod issue into a message naming the field, e.g. `stages.0.name: must not be empty`. */
  static fromZod(error: z.ZodError, prefix = ""): ValidationError {
    const issue = error.issues[0];
    if (!issue) return new ValidationError("invalid input");
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    return new ValidationError(path ? `${path}: ${issue.message}` : issue.message, path || undefined);
  }
}

/** Bad content inside an uploaded or imported file; location reads like `map.xlsx: row 4, column "Stage"`. */
export class ImportError extends TropaError {
  constructor(message: string, location?: string) {
    super("import_failed", 422, location ? `${location}: ${message}` : message, location);
  }
}

export class UnsupportedVersionError extends TropaError {
  constructor(found: unknown, supported: number) {
    super(
      "unsupported_version",
      422,
      `schemaVersion ${String(found)} is not supported: this Tropa reads versions 1 to ${supported}; upgrade Tropa to open it`,
      "schemaVersion",
    );
  }
}

export class NotFoundError extends TropaError {
  constructor(what: string) {
    super("not_found", 404, `${what} not found`);
  }
}

/**
 * The request clashes with what is stored: a save based on an old revision (someone else saved in between;
 * pass the current revision) or something that must be unique exists already (pass the message).
 */
export class ConflictError extends TropaError {
  readonly currentRevision: number | undefined;
  constructor(currentRevisionOrMessage: number | string) {
    super(
      "conflict",
      409,
      typeof currentRevisionOrMessage === "string"
        ? currentRevisionOrMessage
        : `the map was changed elsewhere (now at revision ${currentRevisionOrMessage}); reload to get the latest version`,
    );
    this.currentRevision =
      typeof currentRevisionOrMessage === "number" ? currentRevisionOrMessage : undefined;
  }
}

export class PayloadTooLargeError extends TropaError {
  constructor(limitBytes: number) {
    super("payload_too_large", 413, `the request is larger than the ${limitBytes} byte limit`);
  }
}

/** Signed in but not allowed; `code` tells apart why (`forbidden`, `csrf_failed`). */
export class ForbiddenError extends TropaError {
  constructor(message = "you are not allowed to do this", code = "forbidden") {
    super(code, 403, message);
  }
}

/** No valid session (`unauthenticated`), or credentials that do not match (`invalid_credentials`, …). */
export class UnauthorizedError extends TropaError {
  constructor(message = "sign in first", code = "unauthenticated", location?: string) {
    super(code, 401, message, location);
  }
}

/** Too many attempts from one address or at one account, link or invitation. */
export class RateLimitedError extends TropaError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super("rate_limited", 429, `too many attempts; try again in ${seconds} seconds`);
    this.retryAfterSeconds = seconds;
  }
}
