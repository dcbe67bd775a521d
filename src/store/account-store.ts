import type { User } from "../domain/team/account.js";
import type { Role } from "../domain/team/role.js";

/** A user with the secret needed to check a password; never leaves the server. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
}

/** A signed-in browser. The cookie carries a random token; only its SHA-256 (`id`) is stored. */
export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Users and their sessions. Emails arrive already normalised (trimmed, lower-case). */
export interface AccountStore {
  countUsers(): Promise<number>;
  /**
   * The first account: creates the user and makes them owner of every workspace that has no owner yet
   * (the demo workspace on a fresh data directory), in one transaction. ConflictError when any user
   * exists already, so two visitors racing to set up cannot both become owner.
   */
  createFirstUser(user: NewUser): Promise<User>;
  /**
   * A user who signs up through an invitation: uses the invitation (single use, not expired, else
   * ValidationError naming `invitation`), creates the user and the membership, in one transaction.
   * ConflictError when the email is taken.
   */
  createUserFromInvitation(user: NewUser, invitationTokenHash: string, now: string): Promise<User>;
  findUserByEmail(email: string): Promise<UserWithPassword | null>;
  getUser(id: string): Promise<UserWithPassword>;
  updateUserName(id: string, name: string): Promise<User>;
  /** Replaces the hash and ends every session of the user except `keepSessionId`. */
  changePassword(id: string, passwordHash: string, keepSessionId: string | null): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  /** The session and its user, or null when unknown or expired at `now`. */
  findSession(id: string, now: string): Promise<{ session: SessionRecord; user: User } | null>;
  deleteSession(id: string): Promise<void>;
  deleteSessionsOfUser(userId: string): Promise<void>;
  /** Every workspace the user belongs to, with their role there, oldest first. */
  rolesOf(
    userId: string,
  ): Promise<Array<{ workspaceId: string; name: string; createdAt: string; role: Role }>>;
}
