import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import type { Comment } from "../../domain/team/comment.js";
import { useUiText } from "../i18n/ui-text.js";
import { IconButton } from "../ui/IconButton.js";
import { CommentComposer } from "./CommentComposer.js";
import { MentionText } from "./MentionText.js";
import type { Mentionable } from "./mention-text.js";
import type { CommentAccess } from "./use-map-comments.js";

interface Props {
  comment: Comment;
  members: readonly Mentionable[];
  access: CommentAccess;
  onEdit: (body: string, mentions: string[]) => Promise<void>;
  onDelete: () => void;
}

/** One comment: who, when, the text; its author may edit it, its author or an owner delete it. */
export function CommentItem({ comment, members, access, onEdit, onDelete }: Props) {
  const { t, lang } = useUiText();
  const [editing, setEditing] = useState(false);
  const own = comment.author?.id === access.userId;
  const author = comment.author?.name ?? t("comments.formerMember");
  const when = new Date(comment.createdAt).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
  // Highlight only whom the server recorded as mentioned.
  const mentioned = members.filter((member) => comment.mentions.includes(member.userId));

  return (
    <div className="comment" data-comment-id={comment.id}>
      <div className="comment-head">
        <span className="comment-author">{author}</span>
        <time className="muted" dateTime={comment.createdAt}>
          {when}
        </time>
        {comment.editedAt && <span className="muted">· {t("comments.edited")}</span>}
        <span className="spacer" />
        {own && access.canComment && !editing && (
          <IconButton small icon={Pencil} label={t("comments.edit")} onClick={() => setEditing(true)} />
        )}
        {access.canComment && (own || access.canModerate) && (
          <IconButton small variant="danger" icon={Trash2} label={t("comments.delete")} onClick={onDelete} />
        )}
      </div>
      {editing ? (
        <CommentComposer
          members={members}
          label={t("comments.editLabel")}
          placeholder=""
          submitLabel={t("comments.save")}
          initial={comment.body}
          autoFocus
          onSubmit={async (body, mentions) => {
            await onEdit(body, mentions);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <MentionText body={comment.body} members={mentioned} userId={access.userId} />
      )}
    </div>
  );
}
