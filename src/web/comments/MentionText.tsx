import { type Mentionable, splitMentions } from "./mention-text.js";

interface Props {
  body: string;
  members: readonly Mentionable[];
  /** Mentions of this user stand out more. */
  userId: string;
}

/** A comment's text with @mentions highlighted; every part is rendered as text, never as markup. */
export function MentionText({ body, members, userId }: Props) {
  return (
    <p className="comment-body">
      {splitMentions(body, members).map((part, index) =>
        part.userId ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <mark key={index} className={part.userId === userId ? "mention mention-me" : "mention"}>
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
