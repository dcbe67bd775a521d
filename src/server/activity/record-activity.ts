import type { Context } from "hono";
import type { JourneyMap } from "../../domain/journey-map.js";
import type { ActivityAction } from "../../domain/team/activity.js";
import type { ActivityDetails } from "../../domain/team/activity-details.js";
import { describeMapChanges } from "../../domain/team/map-changes.js";
import type { Store } from "../../store/store.js";
import type { AppEnv } from "../app-env.js";

/** Where an action happened: always a workspace, and the map when it concerns one. */
export interface ActivityPlace {
  workspaceId: string;
  mapId?: string | null;
}

/**
 * Writes one line of the activity log for the request's signed-in user. Call it right after the
 * write succeeded, with the details the sentence needs (the shapes are in
 * src/domain/team/activity-details.ts, checked by the compiler per action):
 *
 * ```ts
 * await recordActivity(c, "comment.added", { workspaceId, mapId }, { title: map.title, excerpt: body.slice(0, 80) });
 * await recordActivity(c, "member.role_changed", { workspaceId }, { member: { id, name }, role });
 * ```
 *
 * The write itself already committed, so a failure to log is reported on the server and does not turn
 * the user's successful request into an error.
 */
export async function recordActivity<A extends ActivityAction>(
  c: Context<AppEnv>,
  action: A,
  place: ActivityPlace,
  details: ActivityDetails<A>,
): Promise<void> {
  const actor = c.var.actor;
  await recordFor(c.var.store, actor.kind === "user" ? actor.user.id : null, action, place, details);
}

/**
 * A new user who signed up through an invitation joined its workspace (sign-up has no actor yet, so
 * the new user is named directly; an invitation brings them into exactly one workspace).
 */
export async function recordJoined(c: Context<AppEnv>, userId: string): Promise<void> {
  const [joined] = await c.var.store.accounts.rolesOf(userId);
  if (!joined) return;
  await recordFor(
    c.var.store,
    userId,
    "member.joined",
    { workspaceId: joined.workspaceId },
    { role: joined.role },
  );
}

async function recordFor<A extends ActivityAction>(
  store: Store,
  actorId: string | null,
  action: A,
  place: ActivityPlace,
  details: ActivityDetails<A>,
): Promise<void> {
  try {
    await store.activity.recordActivity({
      workspaceId: place.workspaceId,
      mapId: place.mapId ?? null,
      actorId,
      action,
      details,
    });
  } catch (error) {
    console.error(`[tropa] could not record ${action} in the activity log:`, error);
  }
}

/**
 * Logs a map save as "map.edited" with the list of what changed from `before` to `after`; a save that
 * changed nothing a reader would notice writes no line.
 */
export async function recordMapEdit(
  c: Context<AppEnv>,
  workspaceId: string,
  before: JourneyMap,
  after: JourneyMap,
): Promise<void> {
  const changes = describeMapChanges(before, after);
  if (changes.length === 0) return;
  await recordActivity(c, "map.edited", { workspaceId, mapId: after.id }, { title: after.title, changes });
}
