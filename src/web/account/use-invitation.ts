import { useEffect, useState } from "react";
import { ApiError } from "../api/api-error.js";
import { teamApi } from "../api/client.js";
import type { InvitationPreview } from "../api/types.js";

export type InvitationState =
  | { status: "loading" }
  | { status: "open"; preview: InvitationPreview }
  /** Unknown, used, revoked or expired: the server gives one answer for all, on purpose. */
  | { status: "unavailable" }
  | { status: "failed"; message: string };

export function useInvitation(token: string): InvitationState {
  const [state, setState] = useState<InvitationState>({ status: "loading" });
  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    teamApi
      .previewInvitation(token)
      .then((preview) => current && setState({ status: "open", preview }))
      .catch((reason: unknown) => {
        if (!current) return;
        if (reason instanceof ApiError && reason.status === 404) setState({ status: "unavailable" });
        else
          setState({ status: "failed", message: reason instanceof Error ? reason.message : String(reason) });
      });
    return () => {
      current = false;
    };
  }, [token]);
  return state;
}
