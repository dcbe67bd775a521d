import { useCallback, useEffect, useState } from "react";
import { teamApi } from "../api/client.js";
import type { Invitation, MemberWorkspace, WorkspaceMember } from "../api/types.js";

export interface MembersState {
  members: WorkspaceMember[];
  /** Pending invitations; only owners may list them, so others get none. */
  invitations: Invitation[];
  loaded: boolean;
  error: string | null;
  reload(): Promise<void>;
}

export function useMembers(workspace: MemberWorkspace): MembersState {
  const [members, setMembers] = useState<WorkspaceMember[]>([]);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isOwner = workspace.role === "owner";

  const reload = useCallback(async () => {
    try {
      const [nextMembers, nextInvitations] = await Promise.all([
        teamApi.members(workspace.id),
        isOwner ? teamApi.invitations(workspace.id) : Promise.resolve([]),
      ]);
      setMembers(nextMembers);
      setInvitations(nextInvitations);
      setError(null);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setLoaded(true);
    }
  }, [workspace.id, isOwner]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { members, invitations, loaded, error, reload };
}
