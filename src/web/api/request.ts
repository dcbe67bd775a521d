import { type ApiError, toApiError } from "./api-error.js";
import { csrfHeaders } from "./csrf.js";
import { noticeSessionExpiry } from "./session-expiry.js";

/** The ApiError of an error answer; an expired session also sends the app back to the sign-in screen. */
export async function failure(response: Response): Promise<ApiError> {
  const error = await toApiError(response);
  noticeSessionExpiry(error);
  return error;
}

/** One JSON call of the HTTP API with the session's CSRF header; an error answer is thrown as ApiError. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...csrfHeaders(method) };
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
