import { ForbiddenError } from "../domain/errors.js";
import type { User } from "../domain/team/account.js";
import { type Role, roleAtLeast } from "../domain/team/role.js";

/**
 * Who is asking. The auth middleware sets it on every /api request: a signed-in user with their role in
 * each workspace they belong to (read fresh on every request, so a removal takes effect at once), or
 * nobody on the public routes.
 */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      user: User;
      sessionId: string;
      csrfToken: string;
      roles: ReadonlyMap<string, Role>;
    };

export const ANONYMOUS: Actor = { kind: "anonymous" };

/** The actor's role in the workspace, or null for anonymous callers and members of other workspaces. */
export function roleIn(actor: Actor, workspaceId: string): Role | null {
  return actor.kind === "user" ? (actor.roles.get(workspaceId) ?? null) : null;
}

function hasRole(actor: Actor, workspaceId: string, least: Role): boolean {
  const role = roleIn(actor, workspaceId);
  return role !== null && roleAtLeast(role, least);
}

/** Every route asks one of these before touching data, so access rules live in one place. */
export function canViewWorkspace(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "viewer");
}

export function canViewMap(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "viewer");
}

/** Reading a workspace's events: summaries, properties, funnels and paths over a map. */
export function canViewEvents(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "viewer");
}

/** Adding, replying to, resolving and reopening comments; editing and deleting one's own. */
export function canCommentOnMap(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "commenter");
}

export function canEditMap(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "editor");
}

/** Maps, personas and templates of the workspace, version names and restores, map imports. */
export function canEditWorkspace(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "editor");
}

/** Adding events to a workspace from an uploaded file. */
export function canImportEvents(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "editor");
}

/** Creating, listing and revoking public read-only links to a map. */
export function canShareMap(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "editor");
}

/** The activity log of a map or of the whole workspace. */
export function canViewActivity(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "editor");
}

/** Seeing and rotating the write key capture clients send events with. */
export function canManageWriteKey(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "editor");
}

/** Inviting, changing roles, removing members, revoking invitations, renaming the workspace. */
export function canManageMembers(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "owner");
}

/** Owners may delete anyone's comment (moderation); others only their own. */
export function canDeleteAnyComment(actor: Actor, workspaceId: string): boolean {
  return hasRole(actor, workspaceId, "owner");
}

export function requireAllowed(allowed: boolean): void {
  if (!allowed) throw new ForbiddenError();
}
