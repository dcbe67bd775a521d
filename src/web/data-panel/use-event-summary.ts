import { useCallback, useEffect, useState } from "react";
import type { EventSummary } from "../../domain/analytics/event-summary.js";
import { analyticsApi } from "../api/analytics-client.js";
import { messageOf } from "./message-of.js";

export interface EventSummaryState {
  summary: EventSummary | null;
  error: string | null;
  reload: () => void;
}

/** The workspace's events at a glance: sources, date range and event names (for autocomplete). */
export function useEventSummary(workspaceId: string): EventSummaryState {
  const [summary, setSummary] = useState<EventSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    if (!workspaceId) return;
    analyticsApi
      .summary(workspaceId)
      .then((loaded) => {
        setSummary(loaded);
        setError(null);
      })
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, [workspaceId]);

  useEffect(() => reload(), [reload]);
  return { summary, error, reload };
}
