import { createRoute } from "@hono/zod-openapi";
import { ConflictError, UnauthorizedError, ValidationError } from "../../domain/errors.js";
import {
  authStateSchema,
  changePasswordBodySchema,
  meSchema,
  setupBodySchema,
  signInBodySchema,
  signUpBodySchema,
  type User,
  updateProfileBodySchema,
  userSchema,
} from "../../domain/team/account.js";
import { recordJoined } from "../activity/record-activity.js";
import { errorResponses } from "../api-error.js";
import type { App } from "../app-env.js";
import { clientAddress } from "../auth/client-address.js";
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from "../auth/password-hash.js";
import { hashSecretToken } from "../auth/secret-token.js";
import { clearSessionCookie } from "../auth/session-cookie.js";
import { describeMe, startSession } from "../auth/sessions.js";
import { signedIn } from "../auth/signed-in.js";
import { json, jsonBody } from "./json-content.js";

const stateRoute = createRoute({
  method: "get",
  path: "/api/auth/state",
  summary: "Whether the owner account still has to be created, and whether this browser is signed in",
  responses: { 200: json(authStateSchema, "what the sign-in screen should offer") },
});

const setupRoute = createRoute({
  method: "post",
  path: "/api/auth/setup",
  summary: "Create the owner account (only while no account exists); signs in",
  description: "The owner becomes owner of every workspace without one, such as the demo workspace.",
  request: { body: jsonBody(setupBodySchema) },
  responses: {
    201: json(meSchema, "signed in as the new owner; the session cookie is set"),
    400: errorResponses[400],
    409: errorResponses[409],
    429: errorResponses[429],
  },
});

const signInRoute = createRoute({
  method: "post",
  path: "/api/auth/sign-in",
  summary: "Sign in with email and password",
  request: { body: jsonBody(signInBodySchema) },
  responses: {
    200: json(meSchema, "signed in; the session cookie is set"),
    400: errorResponses[400],
    401: errorResponses[401],
    429: errorResponses[429],
  },
});

const signUpRoute = createRoute({
  method: "post",
  path: "/api/auth/sign-up",
  summary: "Create an account through an invitation link; joins its workspace and signs in",
  request: { body: jsonBody(signUpBodySchema) },
  responses: {
    201: json(meSchema, "signed in as the new member; the session cookie is set"),
    400: errorResponses[400],
    409: errorResponses[409],
    429: errorResponses[429],
  },
});

const signOutRoute = createRoute({
  method: "post",
  path: "/api/auth/sign-out",
  summary: "End this browser's session",
  responses: { 204: { description: "signed out; the cookie is cleared" }, 401: errorResponses[401] },
});

const signOutEverywhereRoute = createRoute({
  method: "post",
  path: "/api/auth/sign-out-everywhere",
  summary: "End every session of the signed-in user, on every device",
  responses: { 204: { description: "signed out everywhere" }, 401: errorResponses[401] },
});

const meRoute = createRoute({
  method: "get",
  path: "/api/auth/me",
  summary: "The signed-in user, their CSRF token and workspaces",
  responses: { 200: json(meSchema, "who is signed in"), 401: errorResponses[401] },
});

const updateMeRoute = createRoute({
  method: "patch",
  path: "/api/auth/me",
  summary: "Change the signed-in user's display name",
  request: { body: jsonBody(updateProfileBodySchema) },
  responses: { 200: json(userSchema, "the user"), 400: errorResponses[400], 401: errorResponses[401] },
});

const passwordRoute = createRoute({
  method: "post",
  path: "/api/auth/password",
  summary: "Change the password; every other session of the user ends",
  request: { body: jsonBody(changePasswordBodySchema) },
  responses: {
    204: { description: "changed" },
    400: errorResponses[400],
    401: errorResponses[401],
    429: errorResponses[429],
  },
});

const INVALID_CREDENTIALS = new UnauthorizedError("email or password is wrong", "invalid_credentials");

function presentUser(user: User): User {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt };
}

export function registerAuthRoutes(app: App): void {
  app.openapi(stateRoute, async (c) => {
    const users = await c.var.store.accounts.countUsers();
    return c.json({ setupRequired: users === 0, signedIn: c.var.actor.kind === "user" }, 200);
  });

  app.openapi(setupRoute, async (c) => {
    await c.var.attempts.consume("setup", clientAddress(c));
    const input = c.req.valid("json");
    if ((await c.var.store.accounts.countUsers()) > 0) {
      throw new ConflictError("the owner account exists already; sign in instead");
    }
    const user = await c.var.store.accounts.createFirstUser({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    return c.json(await startSession(c, user), 201);
  });

  app.openapi(signInRoute, async (c) => {
    const input = c.req.valid("json");
    await c.var.attempts.consume("sign-in", clientAddress(c), input.email);
    const user = await c.var.store.accounts.findUserByEmail(input.email);
    // One scrypt whether or not the email has an account, so timing tells nothing either.
    const matches = await verifyPassword(input.password, user?.passwordHash ?? UNMATCHABLE_HASH);
    if (!user || !matches) throw INVALID_CREDENTIALS;
    await c.var.attempts.refund("sign-in", clientAddress(c));
    await c.var.attempts.forgive("sign-in", input.email);
    return c.json(await startSession(c, user), 200);
  });

  app.openapi(signUpRoute, async (c) => {
    const input = c.req.valid("json");
    const tokenHash = hashSecretToken(input.invitation);
    await c.var.attempts.consume("sign-up", clientAddress(c), tokenHash);
    const now = new Date().toISOString();
    if (!(await c.var.store.members.findInvitation(tokenHash, now))) {
      throw new ValidationError(
        "invitation: the invitation link is unknown, used or expired; ask for a new one",
        "invitation",
      );
    }
    const user = await c.var.store.accounts.createUserFromInvitation(
      { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
      tokenHash,
      now,
    );
    await c.var.attempts.refund("sign-up", clientAddress(c));
    await recordJoined(c, user.id);
    return c.json(await startSession(c, user), 201);
  });

  app.openapi(signOutRoute, async (c) => {
    await c.var.store.accounts.deleteSession(signedIn(c).sessionId);
    clearSessionCookie(c, c.var.config);
    return c.body(null, 204);
  });

  app.openapi(signOutEverywhereRoute, async (c) => {
    await c.var.store.accounts.deleteSessionsOfUser(signedIn(c).user.id);
    clearSessionCookie(c, c.var.config);
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const actor = signedIn(c);
    return c.json(await describeMe(c, actor.user, actor.csrfToken), 200);
  });

  app.openapi(updateMeRoute, async (c) => {
    const user = await c.var.store.accounts.updateUserName(signedIn(c).user.id, c.req.valid("json").name);
    return c.json(presentUser(user), 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const actor = signedIn(c);
    const input = c.req.valid("json");
    await c.var.attempts.consume("password-change", clientAddress(c), actor.user.id);
    const stored = await c.var.store.accounts.getUser(actor.user.id);
    if (!(await verifyPassword(input.currentPassword, stored.passwordHash))) {
      throw new ValidationError("currentPassword: the current password is wrong", "currentPassword");
    }
    await c.var.store.accounts.changePassword(
      actor.user.id,
      await hashPassword(input.newPassword),
      actor.sessionId,
    );
    await c.var.attempts.forgive("password-change", actor.user.id);
    return c.body(null, 204);
  });
}
