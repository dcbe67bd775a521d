import type { Invitation } from "../domain/team/invitation.js";
import type { Role } from "../domain/team/role.js";
import type { WorkspaceMember } from "../domain/team/workspace-member.js";
import type { WorkspaceSummary } from "./workspace-summary.js";

export interface NewInvitation {
  workspaceId: string;
  role: Role;
  /** SHA-256 of the token in the link; the token itself is not stored. */
  tokenHash: string;
  createdBy: string;
  expiresAt: string;
}

/** Workspace membership and invitation links. */
export interface MemberStore {
  /** A new workspace with `userId` as its owner, in one transaction. */
  createWorkspaceOwnedBy(name: string, userId: string): Promise<WorkspaceSummary>;
  renameWorkspace(workspaceId: string, name: string): Promise<WorkspaceSummary>;
  listMembers(workspaceId: string): Promise<WorkspaceMember[]>;
  /** The user's role in the workspace, or null when they are not a member. */
  roleOf(workspaceId: string, userId: string): Promise<Role | null>;
  /**
   * Changes a role; ValidationError (field `role`) when it would leave the workspace without an owner.
   * NotFoundError when the user is not a member.
   */
  changeRole(workspaceId: string, userId: string, role: Role): Promise<WorkspaceMember>;
  /** Removes a member; ValidationError when they are the last owner. NotFoundError when not a member. */
  removeMember(workspaceId: string, userId: string): Promise<void>;

  createInvitation(invitation: NewInvitation): Promise<Invitation>;
  /** Pending (unused, unexpired at `now`) invitations, newest first. */
  listInvitations(workspaceId: string, now: string): Promise<Invitation[]>;
  /** A pending invitation by its token hash, with the workspace name, or null. */
  findInvitation(tokenHash: string, now: string): Promise<(Invitation & { workspaceName: string }) | null>;
  /**
   * An existing user accepts: uses the invitation and adds the membership (keeping a stronger role they
   * already have), in one transaction. ValidationError (`token`) when used, expired or unknown.
   */
  acceptInvitation(
    tokenHash: string,
    userId: string,
    now: string,
  ): Promise<{ workspaceId: string; role: Role }>;
  /** NotFoundError when there is no such pending invitation in the workspace. */
  revokeInvitation(workspaceId: string, invitationId: string): Promise<void>;
}
