import { z } from "zod";

/**
 * What a member may do in a workspace, from most to least: owners also manage members and invitations;
 * editors change maps, personas and data; commenters read and comment; viewers only read.
 */
export const ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** True when `role` is `least` or a more powerful one. */
export function roleAtLeast(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(least);
}
