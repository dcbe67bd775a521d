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

/** A save based on an old revision: someone else saved in between. */
export class ConflictError extends TropaError {
  readonly currentRevision: number;
  constructor(currentRevision: number) {
    super(
      "conflict",
      409,
      `the map was changed elsewhere (now at revision ${currentRevision}); reload to get the latest version`,
    );
    this.currentRevision = currentRevision;
  }
}

export class PayloadTooLargeError extends TropaError {
  constructor(limitBytes: number) {
    super("payload_too_large", 413, `the request is larger than the ${limitBytes} byte limit`);
  }
}

export class ForbiddenError extends TropaError {
  constructor(message = "you are not allowed to do this") {
    super("forbidden", 403, message);
  }
}
