import type { ActivityAction, ActivityEntry } from "../domain/team/activity.js";

export interface NewActivity {
  workspaceId: string;
  mapId: string | null;
  actorId: string | null;
  action: ActivityAction;
  details: Record<string, unknown>;
}

/** The append-only activity log. */
export interface ActivityStore {
  recordActivity(entry: NewActivity): Promise<ActivityEntry>;
  /**
   * Like recordActivity, but when the latest entry of the same actor, map and action is younger than
   * `withinMs`, replaces that entry's details and time instead (live edits make one line per burst).
   */
  recordOrMergeActivity(entry: NewActivity, withinMs: number): Promise<ActivityEntry>;
  /** Newest first; `before` is the `next` cursor of the previous page. */
  listActivity(query: {
    workspaceId: string;
    mapId?: string;
    before?: string;
    limit: number;
  }): Promise<{ entries: ActivityEntry[]; next: string | null }>;
}
