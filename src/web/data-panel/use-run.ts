import { useCallback, useRef, useState } from "react";
import { ApiError } from "../api/api-error.js";
import { messageOf } from "./message-of.js";

export interface Run<T> {
  data: T | null;
  error: string | null;
  /** The request field the server refused, e.g. "stages" when no stage is bound. */
  field: string | undefined;
  busy: boolean;
  run: (request: () => Promise<T>) => Promise<void>;
}

/** One on-demand request with its answer, error and busy flag; a newer run wins over an older one. */
export function useRun<T>(): Run<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const run = useCallback(async (request: () => Promise<T>) => {
    const ticket = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const answer = await request();
      if (ticket === latest.current) setData(answer);
    } catch (reason) {
      if (ticket === latest.current) {
        setError(messageOf(reason));
        setField(reason instanceof ApiError ? reason.field : undefined);
      }
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  }, []);

  return { data, error, field, busy, run };
}
