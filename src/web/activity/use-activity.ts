import { useCallback, useEffect, useRef, useState } from "react";
import type { ActivityEntry } from "../../domain/team/activity.js";
import { ACTIVITY_PAGE_SIZE, type ActivitySource, fetchActivity } from "./activity-client.js";

export interface ActivityLog {
  entries: ActivityEntry[] | null;
  /** True while there are older entries to load. */
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
}

const messageOf = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

/**
 * The newest page of a log, with older pages appended on request. The newest page is fetched again
 * when `freshness` changes (the map's revision) and every `refreshEveryMs` (live edits are logged
 * without the editor learning a revision), quietly and only while no older page is shown, so
 * reading back through the log is never reset under the reader.
 */
export function useActivity(
  source: ActivitySource,
  freshness: unknown = null,
  refreshEveryMs = 0,
): ActivityLog {
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const key = source.kind === "map" ? `map:${source.mapId}` : `workspace:${source.workspaceId}`;
  // The latest request wins, so a slow first page cannot overwrite a newer one.
  const latest = useRef(0);
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const paged = (entries?.length ?? 0) > ACTIVITY_PAGE_SIZE;

  useEffect(() => {
    if (refreshEveryMs <= 0 || paged) return;
    const timer = setInterval(() => setTick((count) => count + 1), refreshEveryMs);
    return () => clearInterval(timer);
  }, [refreshEveryMs, paged]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the source; `freshness` and `tick` are refetch signals
  useEffect(() => {
    const request = ++latest.current;
    fetchActivity(sourceRef.current, null)
      .then((page) => {
        if (request !== latest.current) return;
        setEntries(page.entries);
        setNext(page.next);
        setError(null);
      })
      .catch((reason: unknown) => request === latest.current && setError(messageOf(reason)));
  }, [key, freshness, tick]);

  const loadMore = useCallback(() => {
    if (!next) return;
    const request = ++latest.current;
    setLoadingMore(true);
    fetchActivity(sourceRef.current, next)
      .then((page) => {
        if (request !== latest.current) return;
        setEntries((shown) => [...(shown ?? []), ...page.entries]);
        setNext(page.next);
      })
      .catch((reason: unknown) => request === latest.current && setError(messageOf(reason)))
      .finally(() => setLoadingMore(false));
  }, [next]);

  return {
    entries,
    hasMore: next !== null,
    loading: loadingMore || (entries === null && error === null),
    error,
    loadMore,
  };
}
