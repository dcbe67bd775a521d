import type { Kysely } from "kysely";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { displayNameSchema, type User } from "../domain/team/account.js";
import { type Role, roleSchema } from "../domain/team/role.js";
import { validateInput } from "../domain/validate-input.js";
import type { AccountStore, NewUser, SessionRecord, UserWithPassword } from "./account-store.js";
import { joinByInvitation } from "./join-by-invitation.js";
import type { Database, SessionTable, UserTable } from "./schema.js";
import { isUniqueViolation } from "./unique-violation.js";

const SETUP_ROW_ID = "owner";

/** Users and sessions over Kysely, on SQLite or PostgreSQL. */
export class KyselyAccountStore implements AccountStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number | string | bigint>().as("count"))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async createFirstUser(user: NewUser): Promise<User> {
    const row = toUserRow(user);
    try {
      await this.db.transaction().execute(async (tx) => {
        const existing = await tx.selectFrom("users").select("id").limit(1).executeTakeFirst();
        if (existing) throw setupDone();
        await tx.insertInto("users").values(row).execute();
        // The fixed key makes a second, concurrent set-up fail here (or wait and then fail) instead of
        // creating a second owner: a count alone can be read by both before either commits.
        await tx
          .insertInto("instance_setup")
          .values({ id: SETUP_ROW_ID, user_id: row.id, created_at: row.created_at })
          .execute();
        const ownerless = await tx
          .selectFrom("workspaces")
          .select("id")
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom("memberships")
                  .select("memberships.user_id")
                  .whereRef("memberships.workspace_id", "=", "workspaces.id")
                  .where("memberships.role", "=", "owner"),
              ),
            ),
          )
          .execute();
        for (const workspace of ownerless) {
          await tx
            .insertInto("memberships")
            .values({
              workspace_id: workspace.id,
              user_id: row.id,
              role: "owner",
              created_at: row.created_at,
            })
            .onConflict((conflict) =>
              conflict.columns(["workspace_id", "user_id"]).doUpdateSet({ role: "owner" }),
            )
            .execute();
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw setupDone();
      throw error;
    }
    return toUser(row);
  }

  async createUserFromInvitation(user: NewUser, invitationTokenHash: string, now: string): Promise<User> {
    const row = toUserRow(user);
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx.insertInto("users").values(row).execute();
        await joinByInvitation(tx, { tokenHash: invitationTokenHash, field: "invitation" }, row.id, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(row.email);
      throw error;
    }
    return toUser(row);
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | null> {
    const row = await this.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    return row ? toUserWithPassword(row) : null;
  }

  async getUser(id: string): Promise<UserWithPassword> {
    const row = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`user ${id}`);
    return toUserWithPassword(row);
  }

  async updateUserName(id: string, name: string): Promise<User> {
    const row = await this.db
      .updateTable("users")
      .set({ name: validateInput(displayNameSchema, name, "name") })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`user ${id}`);
    return toUser(row);
  }

  async changePassword(id: string, passwordHash: string, keepSessionId: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const result = await tx
        .updateTable("users")
        .set({ password_hash: passwordHash })
        .where("id", "=", id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`user ${id}`);
      let others = tx.deleteFrom("sessions").where("user_id", "=", id);
      if (keepSessionId !== null) others = others.where("id", "!=", keepSessionId);
      await others.execute();
    });
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findSession(id: string, now: string): Promise<{ session: SessionRecord; user: User } | null> {
    const row = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.id as session_id",
        "sessions.csrf_token",
        "sessions.created_at as session_created_at",
        "sessions.expires_at",
        "users.id",
        "users.email",
        "users.name",
        "users.created_at",
      ])
      .where("sessions.id", "=", id)
      .where("sessions.expires_at", ">", now)
      .executeTakeFirst();
    if (!row) return null;
    return {
      session: toSession({
        id: row.session_id,
        user_id: row.id,
        csrf_token: row.csrf_token,
        created_at: row.session_created_at,
        expires_at: row.expires_at,
      }),
      user: toUser(row),
    };
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  async deleteSessionsOfUser(userId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  async rolesOf(
    userId: string,
  ): Promise<Array<{ workspaceId: string; name: string; createdAt: string; role: Role }>> {
    const rows = await this.db
      .selectFrom("memberships")
      .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
      .select(["workspaces.id", "workspaces.name", "workspaces.created_at", "memberships.role"])
      .where("memberships.user_id", "=", userId)
      .orderBy("workspaces.created_at")
      .orderBy("workspaces.id")
      .execute();
    return rows.map((row) => ({
      workspaceId: row.id,
      name: row.name,
      createdAt: row.created_at,
      role: roleSchema.parse(row.role),
    }));
  }
}

function toUserRow(user: NewUser): UserTable {
  return {
    id: newId(),
    email: user.email,
    name: validateInput(displayNameSchema, user.name, "name"),
    password_hash: user.passwordHash,
    created_at: new Date().toISOString(),
  };
}

function toUser(row: Pick<UserTable, "id" | "email" | "name" | "created_at">): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}

function toUserWithPassword(row: UserTable): UserWithPassword {
  return { ...toUser(row), passwordHash: row.password_hash };
}

function toSession(row: SessionTable): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function setupDone(): ConflictError {
  return new ConflictError("Tropa is already set up: an owner account exists; sign in instead");
}

function emailTaken(email: string): ConflictError {
  return new ConflictError(
    `an account with the email ${email} exists already; sign in to accept the invitation`,
  );
}
