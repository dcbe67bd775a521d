import { z } from "zod";
import { NAME_MAX } from "../journey-map.js";
import { roleSchema } from "./role.js";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Emails are compared case-insensitively, so they are stored trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, "must be an email address such as anna@example.com");

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const displayNameSchema = z.string().trim().min(1, "must not be empty").max(NAME_MAX);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** A workspace as one member sees it: with their role there. */
export const memberWorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  role: roleSchema,
});
export type MemberWorkspace = z.infer<typeof memberWorkspaceSchema>;

/** `GET /api/auth/me`: who is signed in, the token to send back in `x-tropa-csrf`, and their workspaces. */
export const meSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
  workspaces: z.array(memberWorkspaceSchema),
  /** The server can email invitations (SMTP_URL is set). */
  mailEnabled: z.boolean().default(false),
});
export type Me = z.infer<typeof meSchema>;

/** `GET /api/auth/state`: what the sign-in screen should offer. */
export const authStateSchema = z.object({
  /** No account exists yet: the first visitor creates the owner account. */
  setupRequired: z.boolean(),
  signedIn: z.boolean(),
});
export type AuthState = z.infer<typeof authStateSchema>;

export const setupBodySchema = z.object({
  email: emailSchema,
  name: displayNameSchema,
  password: passwordSchema,
});
export type SetupBody = z.infer<typeof setupBodySchema>;

export const signInBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "must not be empty").max(PASSWORD_MAX),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** Signing up needs an invitation (the owner account aside); the new user joins its workspace. */
export const signUpBodySchema = setupBodySchema.extend({
  invitation: z.string().min(1).max(200),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, "must not be empty").max(PASSWORD_MAX),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const updateProfileBodySchema = z.object({ name: displayNameSchema });
