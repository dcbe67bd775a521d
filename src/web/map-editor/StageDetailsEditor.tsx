import { Plus, X } from "lucide-react";
import { useRef, useState } from "react";
import { NAME_MAX, type Stage, TEXT_MAX } from "../../domain/journey-map.js";
import { updateStage } from "../../domain/map-operations.js";
import { useUiText } from "../i18n/ui-text.js";
import { IconButton } from "../ui/IconButton.js";
import { Popover } from "../ui/Popover.js";
import { useEditor } from "./editor-context.js";
import { insertSubstep, tidySubsteps } from "./substeps.js";

interface Props {
  stage: Stage;
  onClose: () => void;
}

/** The domain allows this many sub-steps per stage. */
const MAX_SUBSTEPS = 30;

/** A stage's description and its sub-steps; Enter in a sub-step adds the next one. */
export function StageDetailsEditor({ stage, onClose }: Props) {
  const { t } = useUiText();
  const { apply } = useEditor();
  const [description, setDescription] = useState(stage.description);
  const [substeps, setSubsteps] = useState<string[]>(stage.substeps);
  const listRef = useRef<HTMLOListElement>(null);

  const focusSubstep = (index: number) =>
    requestAnimationFrame(() => listRef.current?.querySelectorAll("input")[index]?.focus());

  const addSubstep = (at: number) => {
    if (substeps.length >= MAX_SUBSTEPS) return;
    setSubsteps((current) => insertSubstep(current, at));
    focusSubstep(at);
  };

  const removeSubstep = (index: number) => {
    setSubsteps((current) => current.filter((_, i) => i !== index));
    focusSubstep(Math.max(0, index - 1));
  };

  const save = () => {
    const kept = tidySubsteps(substeps);
    const same = description === stage.description && kept.join("\n") === stage.substeps.join("\n");
    if (same) return;
    apply((map) => updateStage(map, { stageId: stage.id, description, substeps: kept }));
  };

  return (
    <Popover
      label={t("stage.detailsTitle", { name: stage.name })}
      className="stage-popover"
      onSubmit={() => {
        save();
        onClose();
      }}
      onCancel={onClose}
    >
      <label className="field popover-field">
        <span>{t("stage.description")}</span>
        <textarea
          aria-label={t("stage.description")}
          value={description}
          rows={3}
          maxLength={TEXT_MAX}
          placeholder={t("stage.descriptionPlaceholder")}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <fieldset className="substeps-field">
        <legend>{t("stage.substeps")}</legend>
        <ol ref={listRef} className="substeps-edit">
          {substeps.map((step, index) => (
            // Sub-steps have no ids; the position is what identifies one while editing.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              <input
                type="text"
                aria-label={t("stage.substep", { n: index + 1 })}
                placeholder={t("stage.substepPlaceholder")}
                value={step}
                maxLength={NAME_MAX}
                onChange={(event) =>
                  setSubsteps((current) => current.map((s, i) => (i === index ? event.target.value : s)))
                }
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    addSubstep(index + 1);
                  } else if (event.key === "Backspace" && step === "") {
                    event.preventDefault();
                    removeSubstep(index);
                  }
                }}
              />
              <IconButton
                small
                icon={X}
                label={t("stage.removeSubstep", { n: index + 1 })}
                onClick={() => removeSubstep(index)}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-sm button-ghost"
          disabled={substeps.length >= MAX_SUBSTEPS}
          onClick={() => addSubstep(substeps.length)}
        >
          <Plus size={14} aria-hidden="true" />
          <span>{t("stage.addSubstep")}</span>
        </button>
      </fieldset>
    </Popover>
  );
}
