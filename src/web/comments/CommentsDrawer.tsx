import { useCallback, useEffect, useMemo, useState } from "react";
import type { JourneyMap } from "../../domain/journey-map.js";
import type { Comment, CommentTarget } from "../../domain/team/comment.js";
import { teamApi } from "../api/client.js";
import { useUiText } from "../i18n/ui-text.js";
import { Drawer } from "../ui/Drawer.js";
import { CommentComposer } from "./CommentComposer.js";
import { CommentThread, type ThreadActions } from "./CommentThread.js";
import { describeTarget, targetRank } from "./comment-target.js";
import {
  COMMENT_FILTERS,
  type CommentFilter,
  filterThreads,
  groupByTarget,
  targetKey,
  threadsOf,
} from "./comment-threads.js";
import { commentsApi } from "./comments-client.js";
import type { Mentionable } from "./mention-text.js";
import { TargetHeading } from "./TargetHeading.js";
import type { MapComments } from "./use-map-comments.js";
import "./comments.css";

/** Live comments are not required; a look every 15 s keeps an open drawer fresh enough. */
const POLL_MS = 15_000;

interface Props {
  map: JourneyMap;
  workspaceId: string;
  comments: MapComments;
  onClose: () => void;
}

/** The map's comments: filters, threads grouped by what they are pinned to, and a composer. */
export function CommentsDrawer({ map, workspaceId, comments, onClose }: Props) {
  const { t } = useUiText();
  const { access, focus, setFocus, refreshCounts } = comments;
  const [filter, setFilter] = useState<CommentFilter>("open");
  const [list, setList] = useState<Comment[] | null>(null);
  const [members, setMembers] = useState<Mentionable[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    commentsApi
      .list(map.id)
      .then((loaded) => {
        setList(loaded);
        setError(null);
      })
      .catch((reason: unknown) => setError(messageOf(reason)));
    refreshCounts();
  }, [map.id, refreshCounts]);

  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    if (!workspaceId) return;
    teamApi
      .members(workspaceId)
      .then((found) => setMembers(found.map(({ userId, name }) => ({ userId, name }))))
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, [workspaceId]);

  // Opening the drawer on a stage or card starts at its open threads, which its badge counted.
  useEffect(() => {
    if (focus) setFilter("open");
  }, [focus]);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        await action();
      } catch (reason) {
        setError(messageOf(reason));
        throw reason;
      } finally {
        load();
      }
    },
    [load],
  );

  const actions = useMemo<ThreadActions>(
    () => ({
      reply: (root, body, mentions) =>
        run(() => commentsApi.add(map.id, { target: root.target, parentId: root.id, body, mentions })),
      edit: (comment, body, mentions) => run(() => commentsApi.edit(comment.id, body, mentions)),
      remove: (comment) => {
        const question = comment.parentId ? t("comments.confirmDelete") : t("comments.confirmDeleteThread");
        if (window.confirm(question)) void run(() => commentsApi.remove(comment.id)).catch(() => {});
      },
      setResolved: (root, resolved) =>
        void run(() => (resolved ? commentsApi.resolve(root.id) : commentsApi.reopen(root.id))).catch(
          () => {},
        ),
    }),
    [run, map.id, t],
  );

  const threads = threadsOf(list ?? []);
  const focusKey = focus ? targetKey(focus) : null;
  const inScope = focusKey ? threads.filter((thread) => targetKey(thread.root.target) === focusKey) : threads;
  const shown = filterThreads(inScope, filter, access.userId);
  const groups = groupByTarget(shown, (target) => targetRank(map, target));
  const composeOn: CommentTarget = focus ?? { kind: "map" };
  // A stage or card removed since keeps its threads, but takes no new ones.
  const canStartThread = access.canComment && describeTarget(map, composeOn).kind !== "gone";

  return (
    <Drawer title={t("comments.title")} onClose={onClose}>
      <fieldset className="segmented comment-filters">
        <legend className="visually-hidden">{t("comments.filterLabel")}</legend>
        {COMMENT_FILTERS.map((option) => (
          <label key={option} className={filter === option ? "segment on" : "segment"}>
            <input
              type="radio"
              name="comment-filter"
              value={option}
              checked={filter === option}
              onChange={() => setFilter(option)}
            />
            {t(`comments.filters.${option}`)}
            {option !== "mentions" && ` ${filterThreads(inScope, option, access.userId).length}`}
          </label>
        ))}
      </fieldset>
      {focus && (
        <div className="comment-focus">
          <TargetHeading map={map} target={focus} />
          <button type="button" className="button button-sm" onClick={() => setFocus(null)}>
            {t("comments.showAll")}
          </button>
        </div>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {canStartThread && (
        <CommentComposer
          key={focusKey ?? "map"}
          members={members}
          label={t("comments.newLabel")}
          placeholder={focus ? t("comments.newOnTarget") : t("comments.newOnMap")}
          submitLabel={t("comments.send")}
          autoFocus={focus !== null}
          onSubmit={(body, mentions) =>
            run(() => commentsApi.add(map.id, { target: composeOn, body, mentions }))
          }
        />
      )}
      {!access.canComment && <p className="muted drawer-intro">{t("comments.readOnly")}</p>}
      {list === null && !error && <p className="muted">{t("common.loading")}</p>}
      {list !== null && groups.length === 0 && <p className="muted">{t(`comments.none.${filter}`)}</p>}
      {groups.map((group) => (
        <section key={targetKey(group.target)} className="comment-group">
          {!focus && (
            <button type="button" className="comment-group-heading" onClick={() => setFocus(group.target)}>
              <TargetHeading map={map} target={group.target} />
            </button>
          )}
          {group.threads.map((thread) => (
            <CommentThread
              key={thread.root.id}
              thread={thread}
              members={members}
              access={access}
              actions={actions}
            />
          ))}
        </section>
      ))}
    </Drawer>
  );
}

function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
