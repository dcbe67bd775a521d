import type { ApiError } from "./api-error.js";

type Listener = () => void;
const listeners = new Set<Listener>();

/** Lets the app go back to the sign-in screen whenever the server says the session is gone. */
export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Called by the API clients with every error answer. Only `unauthenticated` ends the session: a wrong
 * password on the sign-in form is a 401 too, but the user is still right where they should be.
 */
export function noticeSessionExpiry(error: ApiError): void {
  if (error.status !== 401 || error.code !== "unauthenticated") return;
  for (const listener of listeners) listener();
}
