import type { Store } from "../../store/store.js";
import { type Actor, ANONYMOUS } from "../policy.js";
import { hashSecretToken, looksLikeSecretToken } from "./secret-token.js";
import { readSessionToken } from "./session-cookie.js";

/**
 * Who sends this Cookie header: the signed-in user with their current roles, or anonymous when there is no
 * session cookie or its session is unknown or expired at `now`. Used by the HTTP middleware and the
 * WebSocket upgrade alike.
 */
export async function actorFromCookieHeader(
  store: Store,
  cookieHeader: string | undefined,
  now: Date,
): Promise<Actor> {
  const token = readSessionToken(cookieHeader);
  if (!token || !looksLikeSecretToken(token)) return ANONYMOUS;
  const found = await store.accounts.findSession(hashSecretToken(token), now.toISOString());
  if (!found) return ANONYMOUS;
  const roles = await store.accounts.rolesOf(found.user.id);
  return {
    kind: "user",
    user: found.user,
    sessionId: found.session.id,
    csrfToken: found.session.csrfToken,
    roles: new Map(roles.map((entry) => [entry.workspaceId, entry.role])),
  };
}
