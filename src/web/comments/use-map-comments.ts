import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { CommentTarget } from "../../domain/team/comment.js";
import { roleAtLeast } from "../../domain/team/role.js";
import { useMe } from "../account/me-context.js";
import { targetKey } from "./comment-threads.js";
import { commentsApi } from "./comments-client.js";

/** What the signed-in user may do with the comments of this map. */
export interface CommentAccess {
  userId: string;
  /** Commenters and above write, reply, resolve and reopen, though the map itself may be read-only to them. */
  canComment: boolean;
  /** Owners may delete anyone's comment. */
  canModerate: boolean;
}

/** What a stage's or card's badge needs: its open count and a way to open its thread. */
export interface CommentBadges {
  countOf(target: CommentTarget): number;
  canComment: boolean;
  open(target: CommentTarget): void;
}

export const CommentBadgeContext = createContext<CommentBadges | null>(null);

export const useCommentBadges = (): CommentBadges | null => useContext(CommentBadgeContext);

export interface MapComments {
  access: CommentAccess;
  /** Open threads on the whole map, for the toolbar button. */
  openTotal: number;
  /** The stage or card the drawer shows, or null for every comment. */
  focus: CommentTarget | null;
  setFocus(target: CommentTarget | null): void;
  refreshCounts(): void;
  badges: CommentBadges;
}

/** Open counts for the badges and which target the drawer shows; `onOpen` opens the drawer. */
export function useMapComments(mapId: string, workspaceId: string, onOpen: () => void): MapComments {
  const { me } = useMe();
  const role = me.workspaces.find((workspace) => workspace.id === workspaceId)?.role ?? null;
  const access = useMemo<CommentAccess>(
    () => ({
      userId: me.user.id,
      canComment: role !== null && roleAtLeast(role, "commenter"),
      canModerate: role === "owner",
    }),
    [me.user.id, role],
  );
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const [focus, setFocus] = useState<CommentTarget | null>(null);
  // The page passes a fresh callback each render; a ref keeps the badges' context value from changing with it.
  const openDrawer = useRef(onOpen);
  useEffect(() => {
    openDrawer.current = onOpen;
  });

  const refreshCounts = useCallback(() => {
    commentsApi
      .counts(mapId)
      .then((list) => setCounts(new Map(list.map((entry) => [targetKey(entry.target), entry.count]))))
      // The badges are a hint; the drawer reports errors when someone opens it.
      .catch(() => {});
  }, [mapId]);

  useEffect(() => refreshCounts(), [refreshCounts]);

  const badges = useMemo<CommentBadges>(
    () => ({
      countOf: (target) => counts.get(targetKey(target)) ?? 0,
      canComment: access.canComment,
      open: (target) => {
        setFocus(target);
        openDrawer.current();
      },
    }),
    [counts, access.canComment],
  );

  let openTotal = 0;
  for (const count of counts.values()) openTotal += count;
  return { access, openTotal, focus, setFocus, refreshCounts, badges };
}
