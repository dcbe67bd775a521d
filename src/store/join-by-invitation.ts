import type { Transaction } from "kysely";
import { ValidationError } from "../domain/errors.js";
import { type Role, roleAtLeast, roleSchema } from "../domain/team/role.js";
import type { Database } from "./schema.js";

/**
 * Uses up an invitation for `userId` within the caller's transaction and makes them a member of its
 * workspace with its role, or keeps the higher role they already have there. `field` names the request
 * field the token came in, for the error when the link is used, expired or unknown.
 */
export async function joinByInvitation(
  tx: Transaction<Database>,
  invitation: { tokenHash: string; field: string },
  userId: string,
  now: string,
): Promise<{ workspaceId: string; role: Role }> {
  // The condition sits in the UPDATE, so of two concurrent uses only one matches the row.
  const used = await tx
    .updateTable("invitations")
    .set({ used_at: now, used_by: userId })
    .where("token_hash", "=", invitation.tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["workspace_id", "role"])
    .executeTakeFirst();
  if (!used) {
    throw new ValidationError(
      `${invitation.field}: this invitation link was already used, has expired or does not exist; ask for a new one`,
      invitation.field,
    );
  }
  const workspaceId = used.workspace_id;
  const invited = roleSchema.parse(used.role);
  await tx
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: userId, role: invited, created_at: now })
    .onConflict((conflict) => conflict.columns(["workspace_id", "user_id"]).doNothing())
    .execute();
  const current = roleSchema.parse(
    (
      await tx
        .selectFrom("memberships")
        .select("role")
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).role,
  );
  if (roleAtLeast(current, invited)) return { workspaceId, role: current };
  await tx
    .updateTable("memberships")
    .set({ role: invited })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
  return { workspaceId, role: invited };
}
