import { Columns3, Map as MapIcon, StickyNote, Unlink } from "lucide-react";
import type { JourneyMap } from "../../domain/journey-map.js";
import type { CommentTarget } from "../../domain/team/comment.js";
import { useUiText } from "../i18n/ui-text.js";
import { describeTarget } from "./comment-target.js";

/** "The whole map", "Stage: Search", "Card: …text… · Search", or a note that the thing was removed. */
export function TargetHeading({ map, target }: { map: JourneyMap; target: CommentTarget }) {
  const { t } = useUiText();
  const described = describeTarget(map, target);
  if (described.kind === "map") {
    return (
      <span className="comment-target">
        <MapIcon size={14} aria-hidden="true" />
        {t("comments.target.map")}
      </span>
    );
  }
  if (described.kind === "stage") {
    return (
      <span className="comment-target">
        <Columns3 size={14} aria-hidden="true" />
        {t("comments.target.stage", { name: described.name })}
      </span>
    );
  }
  if (described.kind === "card") {
    return (
      <span className="comment-target">
        <StickyNote size={14} aria-hidden="true" />
        <span className="comment-target-text">
          {t("comments.target.card", { text: described.excerpt || t("comments.target.emptyCard") })}{" "}
          <span className="muted">· {described.stageName}</span>
        </span>
      </span>
    );
  }
  return (
    <span className="comment-target muted">
      <Unlink size={14} aria-hidden="true" />
      {t("comments.target.gone")}
    </span>
  );
}
