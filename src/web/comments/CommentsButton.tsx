import { MessageSquare } from "lucide-react";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  openCount: number;
  pressed: boolean;
  onClick: () => void;
}

/** The editor toolbar's way into the comments drawer, with the number of open threads. */
export function CommentsButton({ openCount, pressed, onClick }: Props) {
  const { t } = useUiText();
  return (
    <button type="button" className="button" aria-pressed={pressed} onClick={onClick}>
      <MessageSquare size={16} aria-hidden="true" />
      <span>{t("comments.button")}</span>
      {openCount > 0 && <span className="comments-button-count">{openCount}</span>}
    </button>
  );
}
