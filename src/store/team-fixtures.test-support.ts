import { createHash, randomBytes } from "node:crypto";
import { newId } from "../domain/ids.js";
import { type JourneyMap, journeyMapSchema } from "../domain/journey-map.js";
import type { User } from "../domain/team/account.js";
import type { Role } from "../domain/team/role.js";
import { openStore } from "./open-store.js";
import type { Store } from "./store.js";
import type { TestBackend } from "./test-databases.js";

/** Test support for the team parts of the store: users, invitations and maps made through the public Store. */

export const PASSWORD_HASH = "scrypt$16384$8$1$c2FsdA==$aGFzaA==";

export interface TeamStore {
  store: Store;
  /** The "Team" workspace; the owner owns it. */
  workspaceId: string;
  owner: User;
  /** Removes the database; close the store first. */
  cleanup: () => Promise<void>;
}

/** A store over a fresh database of `backend` with the "Team" workspace and its owner, Olga. */
export async function openTeamStore(backend: TestBackend): Promise<TeamStore> {
  const created = await backend.create();
  const store = await openStore(created.config);
  const workspaceId = (await store.createWorkspace("Team")).id;
  const owner = await store.accounts.createFirstUser({
    email: "owner@example.test",
    name: "Olga",
    passwordHash: PASSWORD_HASH,
  });
  return { store, workspaceId, owner, cleanup: created.cleanup };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/** An invitation to `workspaceId` with `role`; returns the token hash a user signs up or accepts with. */
export async function invite(
  store: Store,
  workspaceId: string,
  role: Role,
  createdBy: string,
  expiresAt = inDays(7),
): Promise<string> {
  const tokenHash = hashToken(newToken());
  await store.members.createInvitation({ workspaceId, role, tokenHash, createdBy, expiresAt });
  return tokenHash;
}

/** A new user who joined `workspaceId` with `role` through an invitation of `inviterId`. */
export async function addMember(
  store: Store,
  workspaceId: string,
  role: Role,
  inviterId: string,
  name = `Member ${newId()}`,
): Promise<User> {
  const tokenHash = await invite(store, workspaceId, role, inviterId);
  return store.accounts.createUserFromInvitation(
    { email: `${newId()}@example.test`, name, passwordHash: PASSWORD_HASH },
    tokenHash,
    new Date().toISOString(),
  );
}

/**
 * Opens several pooled connections before a race, so the racing calls run at the same time on PostgreSQL
 * instead of one finishing while the pool still connects the other.
 */
export async function warmUp(store: Store): Promise<void> {
  await Promise.all(Array.from({ length: 4 }, () => store.accounts.countUsers()));
}

export function sampleMap(title = "Buying a sofa"): JourneyMap {
  return journeyMapSchema.parse({
    schemaVersion: 1,
    id: newId(),
    title,
    stages: [
      { id: "s1", name: "Notice" },
      { id: "s2", name: "Choose" },
    ],
    lanes: [
      { id: "l1", type: "actions", title: "Actions", cells: { s1: [{ id: "c1", text: "Sees an ad" }] } },
    ],
  });
}
