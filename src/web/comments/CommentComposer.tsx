import { type KeyboardEvent, useId, useRef, useState } from "react";
import { TEXT_MAX } from "../../domain/journey-map.js";
import { useUiText } from "../i18n/ui-text.js";
import {
  insertMention,
  type Mentionable,
  matchMembers,
  mentionedIds,
  mentionQueryAt,
} from "./mention-text.js";

interface Props {
  members: readonly Mentionable[];
  label: string;
  placeholder: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  /** Resolves when saved; the composer then empties itself. Rejects to keep the text for another try. */
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
}

interface Suggesting {
  start: number;
  caret: number;
  options: Mentionable[];
  active: number;
}

/** A comment box: `@` suggests workspace members, Ctrl+Enter sends, Escape closes the suggestions first. */
export function CommentComposer(props: Props) {
  const {
    members,
    label,
    placeholder,
    submitLabel,
    initial = "",
    autoFocus = false,
    onSubmit,
    onCancel,
  } = props;
  const { t } = useUiText();
  const listId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [sending, setSending] = useState(false);
  const [suggesting, setSuggesting] = useState<Suggesting | null>(null);

  const suggest = (value: string, caret: number) => {
    const query = mentionQueryAt(value, caret);
    const options = query ? matchMembers(members, query.query) : [];
    setSuggesting(query && options.length ? { start: query.start, caret, options, active: 0 } : null);
  };

  const pick = (member: Mentionable) => {
    if (!suggesting) return;
    const next = insertMention(text, suggesting.start, suggesting.caret, member.name);
    setText(next.text);
    setSuggesting(null);
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    try {
      await onSubmit(body, mentionedIds(body, members));
      setText("");
    } catch {
      // The caller shows the error; the text stays so nothing typed is lost.
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggesting) {
      const count = suggesting.options.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : count - 1;
        setSuggesting({ ...suggesting, active: (suggesting.active + step) % count });
      } else if (event.key === "Enter" || event.key === "Tab") {
        const member = suggesting.options[suggesting.active];
        if (member) pick(member);
      } else if (event.key === "Escape") {
        setSuggesting(null);
        event.stopPropagation();
      } else return;
      event.preventDefault();
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape" && onCancel) {
      event.stopPropagation();
      onCancel();
    }
  };

  const activeId = suggesting ? `${listId}-${suggesting.active}` : undefined;
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="comment-field">
        <textarea
          ref={field}
          value={text}
          rows={2}
          maxLength={TEXT_MAX}
          aria-label={label}
          placeholder={placeholder}
          // biome-ignore lint/a11y/noAutofocus: the composer opens because the user asked to write
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggesting !== null}
          aria-controls={listId}
          aria-activedescendant={activeId}
          onChange={(event) => {
            setText(event.target.value);
            suggest(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setSuggesting(null)}
        />
        <div
          id={listId}
          className="mention-list"
          role="listbox"
          aria-label={t("comments.mentionList")}
          hidden={!suggesting}
        >
          {suggesting?.options.map((member, index) => (
            <div
              key={member.userId}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === suggesting.active}
              className={index === suggesting.active ? "mention-option active" : "mention-option"}
              // Picking with the mouse must not blur the field first, or the list closes under the pointer.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
            >
              {member.name}
            </div>
          ))}
        </div>
      </div>
      <div className="comment-composer-actions">
        <span className="muted comment-hint">{t("comments.hint")}</span>
        {onCancel && (
          <button type="button" className="button button-sm" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
        <button type="submit" className="button button-sm button-primary" disabled={sending || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
