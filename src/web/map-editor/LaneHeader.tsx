import type { DraggableAttributes, DraggableSyntheticListeners } from "@dnd-kit/core";
import { ChevronDown, ChevronUp, GripVertical, Trash2 } from "lucide-react";
import { useState } from "react";
import type { Lane } from "../../domain/journey-map.js";
import { deleteLane, moveLane, renameLane } from "../../domain/map-operations.js";
import { useUiText } from "../i18n/ui-text.js";
import { IconButton } from "../ui/IconButton.js";
import { InlineText } from "../ui/InlineText.js";
import { useEditor } from "./editor-context.js";
import { LANE_ICONS } from "./lane-look.js";

interface Props {
  lane: Lane;
  index: number;
  count: number;
  handle: { attributes: DraggableAttributes; listeners: DraggableSyntheticListeners };
}

/** The sticky row header: type icon, title (click to rename), drag handle; Alt+↑/↓ moves the lane. */
export function LaneHeader({ lane, index, count, handle }: Props) {
  const { t } = useUiText();
  const { apply, readOnly } = useEditor();
  const [renaming, setRenaming] = useState(false);
  const Icon = LANE_ICONS[lane.type];

  const move = (toIndex: number) => {
    if (toIndex < 0 || toIndex >= count) return;
    apply((map) => moveLane(map, { laneId: lane.id, toIndex }));
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-lane-id="${lane.id}"] .lane-title-button`)?.focus(),
    );
  };

  const remove = () => {
    if (window.confirm(t("lane.confirmDelete", { title: lane.title }))) {
      apply((map) => deleteLane(map, { laneId: lane.id }));
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Alt+↑/↓ from any focused control of the header moves the lane
    <div
      className="lane-header"
      data-lane-id={lane.id}
      onKeyDown={(event) => {
        if (readOnly || !event.altKey) return;
        if (event.key === "ArrowUp") move(index - 1);
        else if (event.key === "ArrowDown") move(index + 1);
        else return;
        event.preventDefault();
      }}
    >
      <div className="lane-header-main">
        <span className="lane-icon" aria-hidden="true">
          <Icon size={16} />
        </span>
        {renaming && !readOnly ? (
          <InlineText
            value={lane.title}
            label={t("lane.titleLabel")}
            className="inline-text lane-title-input"
            autoFocus
            onCommit={(title) => apply((map) => renameLane(map, { laneId: lane.id, title }))}
            onDone={() => setRenaming(false)}
          />
        ) : (
          <button
            type="button"
            className="lane-title-button"
            disabled={readOnly}
            onClick={() => setRenaming(true)}
            title={readOnly ? undefined : t("lane.renameHint")}
          >
            {lane.title}
          </button>
        )}
      </div>
      {t(`laneType.${lane.type}`) !== lane.title && (
        <span className="lane-type">{t(`laneType.${lane.type}`)}</span>
      )}
      {!readOnly && (
        <div className="header-actions">
          <button
            type="button"
            className="drag-handle"
            aria-label={t("lane.drag", { title: lane.title })}
            {...handle.attributes}
            {...handle.listeners}
          >
            <GripVertical size={14} aria-hidden="true" />
          </button>
          <IconButton
            small
            icon={ChevronUp}
            label={t("lane.moveUp", { title: lane.title })}
            title={t("lane.moveUpHint")}
            onClick={() => move(index - 1)}
            disabled={index === 0}
          />
          <IconButton
            small
            icon={ChevronDown}
            label={t("lane.moveDown", { title: lane.title })}
            title={t("lane.moveDownHint")}
            onClick={() => move(index + 1)}
            disabled={index === count - 1}
          />
          <IconButton
            small
            variant="danger"
            icon={Trash2}
            label={t("lane.delete", { title: lane.title })}
            onClick={remove}
          />
        </div>
      )}
    </div>
  );
}
