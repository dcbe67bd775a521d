import { useCallback, useEffect, useState } from "react";
import type { SharedMap } from "../../domain/team/share-link.js";
import { ApiError } from "../api/api-error.js";
import { shareApi } from "./share-client.js";

/** Where opening a link stands; `gone` covers unknown, revoked and expired links alike, as the server does. */
export type SharedMapState =
  | { kind: "loading" }
  | { kind: "password"; problem: "wrong" | "too-many" | null }
  | { kind: "gone" }
  | { kind: "failed"; message: string }
  | { kind: "ready"; shared: SharedMap };

function stateOfError(reason: unknown): SharedMapState {
  if (reason instanceof ApiError) {
    if (reason.status === 404) return { kind: "gone" };
    if (reason.code === "password_required") return { kind: "password", problem: null };
    if (reason.code === "wrong_password") return { kind: "password", problem: "wrong" };
    if (reason.code === "rate_limited") return { kind: "password", problem: "too-many" };
  }
  return { kind: "failed", message: reason instanceof Error ? reason.message : String(reason) };
}

/** Opens the shared map once without a password; `submitPassword` retries with one. */
export function useSharedMap(token: string): {
  state: SharedMapState;
  submitPassword: (password: string) => Promise<void>;
} {
  const [state, setState] = useState<SharedMapState>({ kind: "loading" });

  const open = useCallback(
    (password?: string) =>
      shareApi.open(token, password).then(
        (shared) => setState({ kind: "ready", shared }),
        (reason: unknown) => setState(stateOfError(reason)),
      ),
    [token],
  );

  useEffect(() => {
    void open();
  }, [open]);

  return { state, submitPassword: open };
}
