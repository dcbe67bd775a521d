import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../domain/team/role.js";
import {
  type Actor,
  ANONYMOUS,
  canCommentOnMap,
  canDeleteAnyComment,
  canEditMap,
  canEditWorkspace,
  canImportEvents,
  canManageMembers,
  canManageWriteKey,
  canShareMap,
  canViewActivity,
  canViewEvents,
  canViewMap,
  canViewWorkspace,
} from "./policy.js";

const HERE = "workspace-here";

function member(role: Role): Actor {
  return {
    kind: "user",
    user: {
      id: `user-${role}`,
      email: `${role}@example.test`,
      name: role,
      createdAt: "2026-01-01T00:00:00Z",
    },
    sessionId: "session",
    csrfToken: "csrf",
    roles: new Map([
      [HERE, role],
      ["workspace-elsewhere", "owner"],
    ]),
  };
}

/** The matrix of TEAM-CONTRACT.md: the least role each check needs. */
const LEAST_ROLE = [
  [canViewWorkspace, "viewer"],
  [canViewMap, "viewer"],
  [canViewEvents, "viewer"],
  [canCommentOnMap, "commenter"],
  [canEditMap, "editor"],
  [canEditWorkspace, "editor"],
  [canImportEvents, "editor"],
  [canShareMap, "editor"],
  [canViewActivity, "editor"],
  [canManageWriteKey, "editor"],
  [canManageMembers, "owner"],
  [canDeleteAnyComment, "owner"],
] as const;

describe("the permission matrix", () => {
  for (const [check, least] of LEAST_ROLE) {
    it(`${check.name} allows ${least} and stronger roles only`, () => {
      const allowed = ROLES.filter((role) => check(member(role), HERE));
      expect(allowed).toEqual(ROLES.slice(0, ROLES.indexOf(least) + 1));
    });

    it(`${check.name} refuses anonymous callers and owners of another workspace`, () => {
      expect(check(ANONYMOUS, HERE)).toBe(false);
      expect(check(member("owner"), "workspace-nobody-shares")).toBe(false);
    });
  }
});
