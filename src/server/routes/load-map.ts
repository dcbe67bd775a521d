import type { Store, StoredMap } from "../../store/store.js";
import { requireAllowed } from "../policy.js";

/** Loads a map and checks the actor may act on it with the given rule. */
export async function loadMap(
  store: Store,
  id: string,
  allowed: (workspaceId: string) => boolean,
): Promise<StoredMap> {
  const stored = await store.getMap(id);
  requireAllowed(allowed(stored.workspaceId));
  return stored;
}

/** Checks the actor may act on a map without reading its content; returns the owning workspace. */
export async function checkMapAccess(
  store: Store,
  id: string,
  allowed: (workspaceId: string) => boolean,
): Promise<string> {
  const workspaceId = await store.getMapWorkspaceId(id);
  requireAllowed(allowed(workspaceId));
  return workspaceId;
}
