import type { Context } from "hono";
import type { Me, User } from "../../domain/team/account.js";
import type { AppEnv } from "../app-env.js";
import { hashSecretToken, newSecretToken } from "./secret-token.js";
import { setSessionCookie } from "./session-cookie.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Signs the user in on this browser: a new session in the store, its token in the cookie. A session the
 * browser had before ends, so a token planted in it before sign-in opens nothing afterwards.
 */
export async function startSession(c: Context<AppEnv>, user: User): Promise<Me> {
  if (c.var.actor.kind === "user") await c.var.store.accounts.deleteSession(c.var.actor.sessionId);
  const token = newSecretToken();
  const now = new Date();
  const csrfToken = newSecretToken();
  await c.var.store.accounts.createSession({
    id: hashSecretToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + c.var.config.sessionDays * DAY_MS).toISOString(),
  });
  setSessionCookie(c, token, c.var.config);
  return describeMe(c, user, csrfToken);
}

/** `Me`: the user, the CSRF token to echo on writes, every workspace they belong to with their role, and whether mail is on. */
export async function describeMe(c: Context<AppEnv>, user: User, csrfToken: string): Promise<Me> {
  const workspaces = await c.var.store.accounts.rolesOf(user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt },
    csrfToken,
    workspaces: workspaces.map((w) => ({
      id: w.workspaceId,
      name: w.name,
      createdAt: w.createdAt,
      role: w.role,
    })),
    mailEnabled: c.var.mailer !== null,
  };
}
