import type { ActivityEntry } from "../../domain/team/activity.js";
import { activityDetailsSchemas } from "../../domain/team/activity-details.js";
import { describeMapChanges, type MapChange, mergeMapChanges } from "../../domain/team/map-changes.js";
import type { Store } from "../../store/store.js";
import type { LiveRevisionSaved } from "../live/live-room.js";

/** Live edits of one person on one map within this long make one "map.edited" line. */
export const LIVE_EDIT_MERGE_MS = 10 * 60 * 1000;
/** How far back to look for that person's line; other people's lines in between are skipped. */
const RECENT_ENTRIES = 50;

/**
 * Records a revision a live room saved: one "map.edited" line per person who took part, merged into
 * their previous line of the last ~10 minutes (a room saves every couple of seconds while people type).
 * Edits of several people saved together cannot be told apart, so each of them gets the whole list.
 * Hand it to the live rooms as `onRevisionSaved`.
 */
export async function recordLiveEdit(store: Store, saved: LiveRevisionSaved): Promise<void> {
  const changes = describeMapChanges(saved.before, saved.after);
  if (changes.length === 0) return;
  const recent = await store.activity.listActivity({
    workspaceId: saved.workspaceId,
    mapId: saved.mapId,
    limit: RECENT_ENTRIES,
  });
  const cutoff = Date.now() - LIVE_EDIT_MERGE_MS;
  for (const userId of saved.userIds) {
    const earlier = recentChangesOf(recent.entries, userId, cutoff);
    await store.activity.recordOrMergeActivity(
      {
        workspaceId: saved.workspaceId,
        mapId: saved.mapId,
        actorId: userId,
        action: "map.edited",
        details: { title: saved.after.title, changes: mergeMapChanges(earlier, changes) },
      },
      LIVE_EDIT_MERGE_MS,
    );
  }
}

/** The changes of the person's latest edit line when the store will merge into it, else none. */
function recentChangesOf(entries: readonly ActivityEntry[], userId: string, cutoff: number): MapChange[] {
  const latest = entries.find((entry) => entry.actor?.id === userId && entry.action === "map.edited");
  if (!latest || Date.parse(latest.createdAt) <= cutoff) return [];
  const details = activityDetailsSchemas["map.edited"].safeParse(latest.details);
  return details.success ? details.data.changes : [];
}
