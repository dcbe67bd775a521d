import { CheckCircle2, Reply, RotateCcw } from "lucide-react";
import { useState } from "react";
import type { Comment } from "../../domain/team/comment.js";
import { useUiText } from "../i18n/ui-text.js";
import { CommentComposer } from "./CommentComposer.js";
import { CommentItem } from "./CommentItem.js";
import type { Thread } from "./comment-threads.js";
import type { Mentionable } from "./mention-text.js";
import type { CommentAccess } from "./use-map-comments.js";

/** What a thread can ask the drawer to do; each reloads the list when done. */
export interface ThreadActions {
  reply(root: Comment, body: string, mentions: string[]): Promise<void>;
  edit(comment: Comment, body: string, mentions: string[]): Promise<void>;
  remove(comment: Comment): void;
  setResolved(root: Comment, resolved: boolean): void;
}

interface Props {
  thread: Thread;
  members: readonly Mentionable[];
  access: CommentAccess;
  actions: ThreadActions;
}

/** A first comment, its replies, and (for commenters and above) reply and resolve/reopen. */
export function CommentThread({ thread, members, access, actions }: Props) {
  const { t } = useUiText();
  const [replying, setReplying] = useState(false);
  const { root } = thread;
  const resolved = root.resolvedAt !== null;

  return (
    <article className={resolved ? "comment-thread resolved" : "comment-thread"} data-thread-id={root.id}>
      {[root, ...thread.replies].map((comment) => (
        <CommentItem
          key={comment.id}
          comment={comment}
          members={members}
          access={access}
          onEdit={(body, mentions) => actions.edit(comment, body, mentions)}
          onDelete={() => actions.remove(comment)}
        />
      ))}
      {resolved && (
        <p className="comment-resolved-note">
          <CheckCircle2 size={14} aria-hidden="true" />
          {t("comments.resolvedBy", { name: root.resolvedBy?.name ?? t("comments.formerMember") })}
        </p>
      )}
      {replying && (
        <CommentComposer
          members={members}
          label={t("comments.replyLabel")}
          placeholder={t("comments.replyPlaceholder")}
          submitLabel={t("comments.reply")}
          autoFocus
          onSubmit={async (body, mentions) => {
            await actions.reply(root, body, mentions);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      )}
      {access.canComment && !replying && (
        <div className="comment-thread-actions">
          <button type="button" className="button button-sm" onClick={() => setReplying(true)}>
            <Reply size={14} aria-hidden="true" />
            <span>{t("comments.reply")}</span>
          </button>
          {resolved ? (
            <button
              type="button"
              className="button button-sm"
              onClick={() => actions.setResolved(root, false)}
            >
              <RotateCcw size={14} aria-hidden="true" />
              <span>{t("comments.reopen")}</span>
            </button>
          ) : (
            <button
              type="button"
              className="button button-sm"
              onClick={() => actions.setResolved(root, true)}
            >
              <CheckCircle2 size={14} aria-hidden="true" />
              <span>{t("comments.resolve")}</span>
            </button>
          )}
        </div>
      )}
    </article>
  );
}
