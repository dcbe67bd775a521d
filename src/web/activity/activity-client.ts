import type { ActivityPage } from "../../domain/team/activity.js";
import { toApiError } from "../api/api-error.js";
import { noticeSessionExpiry } from "../api/session-expiry.js";

/** Whose log to read: one map's, or the whole workspace's (its maps included). */
export type ActivitySource = { kind: "map"; mapId: string } | { kind: "workspace"; workspaceId: string };

export const ACTIVITY_PAGE_SIZE = 30;

const enc = encodeURIComponent;

function pathOf(source: ActivitySource): string {
  return source.kind === "map"
    ? `/api/maps/${enc(source.mapId)}/activity`
    : `/api/workspaces/${enc(source.workspaceId)}/activity`;
}

/** One page of the log, newest first; `before` is the previous page's `next`. */
export async function fetchActivity(source: ActivitySource, before: string | null): Promise<ActivityPage> {
  const query = new URLSearchParams({ limit: String(ACTIVITY_PAGE_SIZE) });
  if (before) query.set("before", before);
  const response = await fetch(`${pathOf(source)}?${query}`, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const error = await toApiError(response);
    noticeSessionExpiry(error);
    throw error;
  }
  return (await response.json()) as ActivityPage;
}
