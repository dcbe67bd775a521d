import { type RefObject, useEffect, useState } from "react";
import { api } from "../api/client.js";
import { type MapPreview, previewOf } from "./map-preview.js";

/** Previews by map id and revision, kept for the session so going back to the list does not refetch. */
const cache = new Map<string, Promise<MapPreview>>();

/** The list endpoint returns summaries only, so a tile loads its full map itself — a few at a time. */
const MAX_IN_FLIGHT = 3;
let inFlight = 0;
const waiting: Array<() => void> = [];

async function limited<T>(load: () => Promise<T>): Promise<T> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight += 1;
  try {
    return await load();
  } finally {
    inFlight -= 1;
    waiting.shift()?.();
  }
}

function loadPreview(mapId: string, revision: number): Promise<MapPreview> {
  const key = `${mapId}@${revision}`;
  let preview = cache.get(key);
  if (!preview) {
    preview = limited(() => api.map(mapId)).then((loaded) => previewOf(loaded.map));
    // A failed load may succeed later (the server was restarting); do not remember the failure.
    preview.catch(() => cache.delete(key));
    cache.set(key, preview);
  }
  return preview;
}

/**
 * The preview of a map once its tile has scrolled into view (null until then, or if loading failed:
 * the tile then simply shows what the summary knows).
 */
export function useMapPreview(
  mapId: string,
  revision: number,
  target: RefObject<Element | null>,
): MapPreview | null {
  const [preview, setPreview] = useState<MapPreview | null>(null);

  useEffect(() => {
    const element = target.current;
    if (!element) return;
    let active = true;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        loadPreview(mapId, revision).then(
          (loaded) => active && setPreview(loaded),
          () => {},
        );
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => {
      active = false;
      observer.disconnect();
    };
  }, [mapId, revision, target]);

  return preview;
}
