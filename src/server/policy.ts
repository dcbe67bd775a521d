import { ForbiddenError } from "../domain/errors.js";

/** Who is asking. Today Tropa has one local user; the Teams issue adds members and roles. */
export interface Actor {
  kind: "local";
}

export const LOCAL_ACTOR: Actor = { kind: "local" };

/** Every route asks one of these before touching data, so access rules live in one place. */
export function canViewMap(actor: Actor, _workspaceId: string): boolean {
  return actor.kind === "local";
}

export function canEditMap(actor: Actor, _workspaceId: string): boolean {
  return actor.kind === "local";
}

export function canEditWorkspace(actor: Actor, _workspaceId: string): boolean {
  return actor.kind === "local";
}

export function canViewWorkspace(actor: Actor, _workspaceId: string): boolean {
  return actor.kind === "local";
}

/** Reading a workspace's events: summaries, properties, funnels and paths over a map. */
export function canViewEvents(actor: Actor, _workspaceId: string): boolean {
  return actor.kind === "local";
}

/** Adding events to a workspace from an uploaded file. */
export function canImportEvents(actor: Actor, _workspaceId: string): boolean {
  return actor.kind === "local";
}

/** Seeing and rotating the write key capture clients send events with. */
export function canManageWriteKey(actor: Actor, _workspaceId: string): boolean {
  return actor.kind === "local";
}

export function requireAllowed(allowed: boolean): void {
  if (!allowed) throw new ForbiddenError();
}
