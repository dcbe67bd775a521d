import { MessageSquare, MessageSquarePlus } from "lucide-react";
import type { CommentTarget } from "../../domain/team/comment.js";
import { useUiText } from "../i18n/ui-text.js";
import { useCommentBadges } from "./use-map-comments.js";
import "./comments.css";

interface Props {
  target: CommentTarget;
  /** What the target is called, for the button's accessible name (a stage name, a card's text). */
  name: string;
}

/**
 * The open-comment count of a stage or card; clicking it opens its thread. With no comments yet, people
 * who may comment get a quiet "add a comment" button instead (shown on hover and focus).
 */
export function CommentBadge({ target, name }: Props) {
  const { t } = useUiText();
  const badges = useCommentBadges();
  if (!badges) return null;
  const count = badges.countOf(target);
  const label =
    count > 0
      ? t("comments.badge", { count, name: shorten(name) })
      : t("comments.addOn", { name: shorten(name) });
  if (count === 0 && !badges.canComment) return null;
  return (
    <button
      type="button"
      className={count > 0 ? "comment-badge" : "comment-badge comment-badge-add"}
      aria-label={label}
      title={label}
      // Cards start dragging on pointer down; a click on the badge must not.
      onPointerDown={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.stopPropagation();
        badges.open(target);
      }}
    >
      {count > 0 ? (
        <MessageSquare size={12} aria-hidden="true" />
      ) : (
        <MessageSquarePlus size={12} aria-hidden="true" />
      )}
      {count > 0 && <span>{count}</span>}
    </button>
  );
}

/** Card texts can be long; a button's name needs only enough to tell cards apart. */
function shorten(name: string): string {
  const line = name.replace(/\s+/g, " ").trim();
  return line.length > 50 ? `${line.slice(0, 49)}…` : line;
}
