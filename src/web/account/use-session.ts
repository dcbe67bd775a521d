import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/api-error.js";
import { authApi } from "../api/client.js";
import { setCsrfToken } from "../api/csrf.js";
import { onSessionExpired } from "../api/session-expiry.js";
import type { Me } from "../api/types.js";

export type Session =
  | { status: "loading" }
  | { status: "failed"; message: string }
  /** No account exists yet: the first visitor creates the owner. */
  | { status: "setup" }
  | { status: "signed-out" }
  | { status: "signed-in"; me: Me };

/** Who is using the app, from GET /api/auth/state at start and every sign-in, sign-out or 401 after it. */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: "loading" });

  const enter = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setSession({ status: "signed-in", me });
  }, []);
  const leave = useCallback(() => {
    setCsrfToken(null);
    setSession({ status: "signed-out" });
  }, []);

  useEffect(() => onSessionExpired(leave), [leave]);

  useEffect(() => {
    const boot = async () => {
      const state = await authApi.state();
      if (state.setupRequired) setSession({ status: "setup" });
      else if (state.signedIn) enter(await authApi.me());
      else setSession({ status: "signed-out" });
    };
    boot().catch((reason: unknown) => {
      if (reason instanceof ApiError && reason.status === 401) leave();
      else
        setSession({ status: "failed", message: reason instanceof Error ? reason.message : String(reason) });
    });
  }, [enter, leave]);

  const refresh = useCallback(async () => enter(await authApi.me()), [enter]);
  const signOut = useCallback(
    async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
      if (everywhere) {
        // Failing here must show: the user believes their other devices are signed out.
        await authApi.signOutEverywhere();
        leave();
        return;
      }
      try {
        await authApi.signOut();
      } finally {
        leave();
      }
    },
    [leave],
  );

  return { session, enter, leave, refresh, signOut };
}
