/** An error answer of the Tropa HTTP API: `{ error: { code, message, field? } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy or a crashed server may answer with HTML; fall back to the status line.
  }
  const error = body.error ?? {};
  const message =
    typeof error.message === "string" ? error.message : `${response.status} ${response.statusText}`;
  return new ApiError(
    response.status,
    typeof error.code === "string" ? error.code : "http_error",
    message,
    typeof error.field === "string" ? error.field : undefined,
  );
}
