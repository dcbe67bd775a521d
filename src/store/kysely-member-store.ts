import type { Kysely, Transaction } from "kysely";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { newId } from "../domain/ids.js";
import { nameSchema } from "../domain/journey-map.js";
import type { Invitation } from "../domain/team/invitation.js";
import { type Role, roleSchema } from "../domain/team/role.js";
import type { WorkspaceMember } from "../domain/team/workspace-member.js";
import { validateInput } from "../domain/validate-input.js";
import { joinByInvitation } from "./join-by-invitation.js";
import type { MemberStore, NewInvitation } from "./member-store.js";
import { personRef } from "./person-ref.js";
import type { Database } from "./schema.js";
import { lockWorkspace } from "./workspace-lock.js";
import type { WorkspaceSummary } from "./workspace-summary.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Memberships and invitations over Kysely, on SQLite or PostgreSQL. */
export class KyselyMemberStore implements MemberStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async createWorkspaceOwnedBy(name: string, userId: string): Promise<WorkspaceSummary> {
    const workspace = {
      id: newId(),
      name: validateInput(nameSchema, name, "name"),
      createdAt: new Date().toISOString(),
    };
    await this.db.transaction().execute(async (tx) => {
      const user = await tx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
      if (!user) throw new NotFoundError(`user ${userId}`);
      await tx
        .insertInto("workspaces")
        .values({ id: workspace.id, name: workspace.name, created_at: workspace.createdAt })
        .execute();
      await tx
        .insertInto("memberships")
        .values({
          workspace_id: workspace.id,
          user_id: userId,
          role: "owner",
          created_at: workspace.createdAt,
        })
        .execute();
    });
    return workspace;
  }

  async renameWorkspace(workspaceId: string, name: string): Promise<WorkspaceSummary> {
    const row = await this.db
      .updateTable("workspaces")
      .set({ name: validateInput(nameSchema, name, "name") })
      .where("id", "=", workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`workspace ${workspaceId}`);
    return { id: row.id, name: row.name, createdAt: row.created_at };
  }

  async listMembers(workspaceId: string): Promise<WorkspaceMember[]> {
    await requireWorkspace(this.db, workspaceId);
    const rows = await selectMembers(this.db)
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("memberships.created_at")
      .orderBy("users.name")
      .orderBy("users.id")
      .execute();
    return rows.map(toMember);
  }

  async roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    const row = await this.db
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row ? roleSchema.parse(row.role) : null;
  }

  async changeRole(workspaceId: string, userId: string, role: Role): Promise<WorkspaceMember> {
    return this.db.transaction().execute(async (tx) => {
      await lockWorkspace(tx, workspaceId);
      const result = await tx
        .updateTable("memberships")
        .set({ role })
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notAMember(workspaceId, userId);
      await requireAnOwner(tx, workspaceId, "demote");
      const row = await selectMembers(tx)
        .where("memberships.workspace_id", "=", workspaceId)
        .where("memberships.user_id", "=", userId)
        .executeTakeFirstOrThrow();
      return toMember(row);
    });
  }

  async removeMember(workspaceId: string, userId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await lockWorkspace(tx, workspaceId);
      const result = await tx
        .deleteFrom("memberships")
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notAMember(workspaceId, userId);
      await requireAnOwner(tx, workspaceId, "remove");
    });
  }

  async createInvitation(invitation: NewInvitation): Promise<Invitation> {
    const id = newId();
    const createdAt = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await requireWorkspace(tx, invitation.workspaceId);
      await tx
        .insertInto("invitations")
        .values({
          id,
          workspace_id: invitation.workspaceId,
          token_hash: invitation.tokenHash,
          role: roleSchema.parse(invitation.role),
          created_by: invitation.createdBy,
          created_at: createdAt,
          expires_at: invitation.expiresAt,
          used_at: null,
          used_by: null,
        })
        .execute();
    });
    const created = await selectInvitations(this.db)
      .where("invitations.id", "=", id)
      .executeTakeFirstOrThrow();
    return toInvitation(created);
  }

  async listInvitations(workspaceId: string, now: string): Promise<Invitation[]> {
    await requireWorkspace(this.db, workspaceId);
    const rows = await selectInvitations(this.db)
      .where("invitations.workspace_id", "=", workspaceId)
      .where("invitations.used_at", "is", null)
      .where("invitations.expires_at", ">", now)
      .orderBy("invitations.created_at", "desc")
      .orderBy("invitations.id", "desc")
      .execute();
    return rows.map(toInvitation);
  }

  async findInvitation(
    tokenHash: string,
    now: string,
  ): Promise<(Invitation & { workspaceName: string }) | null> {
    const row = await selectInvitations(this.db)
      .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
      .select("workspaces.name as workspace_name")
      .where("invitations.token_hash", "=", tokenHash)
      .where("invitations.used_at", "is", null)
      .where("invitations.expires_at", ">", now)
      .executeTakeFirst();
    return row ? { ...toInvitation(row), workspaceName: row.workspace_name } : null;
  }

  async acceptInvitation(
    tokenHash: string,
    userId: string,
    now: string,
  ): Promise<{ workspaceId: string; role: Role }> {
    return this.db.transaction().execute(async (tx) => {
      const user = await tx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
      if (!user) throw new NotFoundError(`user ${userId}`);
      return joinByInvitation(tx, { tokenHash, field: "token" }, userId, now);
    });
  }

  async revokeInvitation(workspaceId: string, invitationId: string): Promise<void> {
    const result = await this.db
      .deleteFrom("invitations")
      .where("id", "=", invitationId)
      .where("workspace_id", "=", workspaceId)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new NotFoundError(`pending invitation ${invitationId} of workspace ${workspaceId}`);
    }
  }
}

function selectMembers(db: Db) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.email", "users.name", "memberships.role", "memberships.created_at"]);
}

function toMember(row: {
  id: string;
  email: string;
  name: string;
  role: string;
  created_at: string;
}): WorkspaceMember {
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: roleSchema.parse(row.role),
    joinedAt: row.created_at,
  };
}

function selectInvitations(db: Db) {
  return db
    .selectFrom("invitations")
    .leftJoin("users as creator", "creator.id", "invitations.created_by")
    .select([
      "invitations.id",
      "invitations.workspace_id",
      "invitations.role",
      "invitations.created_by",
      "creator.name as creator_name",
      "invitations.created_at",
      "invitations.expires_at",
    ]);
}

function toInvitation(row: {
  id: string;
  workspace_id: string;
  role: string;
  created_by: string | null;
  creator_name: string | null;
  created_at: string;
  expires_at: string;
}): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    role: roleSchema.parse(row.role),
    createdBy: personRef(row.created_by, row.creator_name),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Runs after the change, under the workspace lock, so the count includes every committed change. */
async function requireAnOwner(tx: Transaction<Database>, workspaceId: string, change: "demote" | "remove") {
  const owner = await tx
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .limit(1)
    .executeTakeFirst();
  if (owner) return;
  const what = change === "demote" ? "change the role of" : "remove";
  throw new ValidationError(
    `role: cannot ${what} the last owner of the workspace; make another member owner first`,
    "role",
  );
}

async function requireWorkspace(db: Db, id: string): Promise<void> {
  const row = await db.selectFrom("workspaces").select("id").where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError(`workspace ${id}`);
}

function notAMember(workspaceId: string, userId: string): NotFoundError {
  return new NotFoundError(`member ${userId} of workspace ${workspaceId}`);
}
