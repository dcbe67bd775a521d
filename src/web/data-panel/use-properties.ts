import { useCallback, useRef, useState } from "react";
import type { PropertyExamples } from "../../domain/analytics/event-summary.js";
import { analyticsApi } from "../api/analytics-client.js";

/**
 * Property names seen on an event, for the condition autocomplete; fetched once per event name and
 * quietly empty when the server cannot tell (the field still takes any name).
 */
export function useProperties(workspaceId: string): {
  propertiesOf: (event: string) => PropertyExamples[];
  load: (event: string) => void;
} {
  const cache = useRef(new Map<string, PropertyExamples[]>());
  const [, setVersion] = useState(0);

  const load = useCallback(
    (event: string) => {
      if (!workspaceId || cache.current.has(event)) return;
      cache.current.set(event, []);
      analyticsApi
        .properties(workspaceId, event || undefined)
        .then(({ properties }) => {
          cache.current.set(event, properties);
          setVersion((version) => version + 1);
        })
        .catch(() => cache.current.delete(event));
    },
    [workspaceId],
  );

  const propertiesOf = useCallback((event: string) => cache.current.get(event) ?? [], []);
  return { propertiesOf, load };
}
