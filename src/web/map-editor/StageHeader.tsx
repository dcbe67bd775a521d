import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { AlignLeft, ChevronLeft, ChevronRight, GripVertical, Trash2 } from "lucide-react";
import { memo, useState } from "react";
import type { EvidenceLevel } from "../../domain/evidence.js";
import type { Stage } from "../../domain/journey-map.js";
import { deleteStage, moveStage, renameStage } from "../../domain/map-operations.js";
import { CommentBadge } from "../comments/CommentBadge.js";
import { useUiText } from "../i18n/ui-text.js";
import { IconButton } from "../ui/IconButton.js";
import { InlineText } from "../ui/InlineText.js";
import { EvidenceLevelBadge } from "./EvidenceLevelBadge.js";
import { useEditor } from "./editor-context.js";
import { StageDetailsEditor } from "./StageDetailsEditor.js";

interface Props {
  stage: Stage;
  index: number;
  count: number;
  level: EvidenceLevel;
  startRenaming: boolean;
}

/** A column header: name, evidence level, drag handle; Alt+←/→ moves it, buttons do too. */
export const StageHeader = memo(function StageHeader({ stage, index, count, level, startRenaming }: Props) {
  const { t } = useUiText();
  const { apply, readOnly } = useEditor();
  const [renaming, setRenaming] = useState(startRenaming);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const sortable = useSortable({ id: `stage:${stage.id}`, data: { kind: "stage", stageId: stage.id } });

  const move = (toIndex: number) => {
    if (toIndex < 0 || toIndex >= count) return;
    apply((map) => moveStage(map, { stageId: stage.id, toIndex }));
    // The header re-mounts at its new place; keep the keyboard user on it.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-stage-id="${stage.id}"] .stage-name-button`)?.focus(),
    );
  };

  const remove = () => {
    if (window.confirm(t("stage.confirmDelete", { name: stage.name }))) {
      apply((map) => deleteStage(map, { stageId: stage.id }));
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Alt+←/→ from any focused control of the header moves the stage
    <div
      ref={sortable.setNodeRef}
      className={sortable.isDragging ? "stage-header dragging" : "stage-header"}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      data-stage-id={stage.id}
      onKeyDown={(event) => {
        if (readOnly || !event.altKey) return;
        if (event.key === "ArrowLeft") move(index - 1);
        else if (event.key === "ArrowRight") move(index + 1);
        else return;
        event.preventDefault();
      }}
    >
      <div className="stage-header-top">
        <span className="stage-index">{String(index + 1).padStart(2, "0")}</span>
        <EvidenceLevelBadge level={level} />
        {!readOnly && (
          <button
            type="button"
            className="drag-handle"
            aria-label={t("stage.drag", { name: stage.name })}
            {...sortable.attributes}
            {...sortable.listeners}
          >
            <GripVertical size={14} aria-hidden="true" />
          </button>
        )}
        <CommentBadge target={{ kind: "stage", id: stage.id }} name={stage.name} />
      </div>
      {renaming && !readOnly ? (
        <InlineText
          value={stage.name}
          label={t("stage.nameLabel")}
          className="inline-text stage-name-input"
          autoFocus
          onCommit={(name) => apply((map) => renameStage(map, { stageId: stage.id, name }))}
          onDone={() => setRenaming(false)}
        />
      ) : (
        <button
          type="button"
          className="stage-name-button"
          disabled={readOnly}
          onClick={() => setRenaming(true)}
          title={readOnly ? undefined : t("stage.renameHint")}
        >
          {stage.name}
        </button>
      )}
      {stage.description && (
        <p className="stage-description" title={stage.description}>
          {stage.description}
        </p>
      )}
      {stage.substeps.length > 0 && (
        <ol className="stage-substeps" aria-label={t("stage.substeps")}>
          {stage.substeps.map((step, stepIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sub-steps are plain strings and may repeat
            <li key={stepIndex}>{step}</li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <div className="header-actions">
          <IconButton
            small
            icon={AlignLeft}
            label={t("stage.details", { name: stage.name })}
            title={t("stage.detailsHint")}
            onClick={() => setDetailsOpen(true)}
            aria-haspopup="dialog"
            aria-expanded={detailsOpen}
          />
          <IconButton
            small
            icon={ChevronLeft}
            label={t("stage.moveLeft", { name: stage.name })}
            title={t("stage.moveLeftHint")}
            onClick={() => move(index - 1)}
            disabled={index === 0}
          />
          <IconButton
            small
            icon={ChevronRight}
            label={t("stage.moveRight", { name: stage.name })}
            title={t("stage.moveRightHint")}
            onClick={() => move(index + 1)}
            disabled={index === count - 1}
          />
          <IconButton
            small
            variant="danger"
            icon={Trash2}
            label={t("stage.delete", { name: stage.name })}
            onClick={remove}
            disabled={count <= 1}
          />
        </div>
      )}
      {detailsOpen && !readOnly && <StageDetailsEditor stage={stage} onClose={() => setDetailsOpen(false)} />}
    </div>
  );
});
