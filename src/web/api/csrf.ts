/**
 * The CSRF token of the current session. The server hands it out with `Me` (sign-in, set-up, sign-up,
 * GET /api/auth/me) and refuses every cookie-authenticated write that does not echo it in `x-tropa-csrf`.
 */
let token: string | null = null;

export function setCsrfToken(value: string | null): void {
  token = value;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The header to add to a request with this method: none for reads or before anyone signed in. */
export function csrfHeaders(method: string | undefined): Record<string, string> {
  if (!token || SAFE_METHODS.has((method ?? "GET").toUpperCase())) return {};
  return { "x-tropa-csrf": token };
}
