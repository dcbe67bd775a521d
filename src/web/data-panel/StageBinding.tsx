import { Plus, Trash2 } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import type { EventMatcher } from "../../domain/analytics/event-matcher.js";
import type { Stage } from "../../domain/journey-map.js";
import { setStageMatchers } from "../../domain/map-operations.js";
import { useUiText } from "../i18n/ui-text.js";
import type { MapEdit } from "../map-editor/use-map-document.js";
import { IconButton } from "../ui/IconButton.js";
import { ConditionRow } from "./ConditionRow.js";
import { type MatcherDraft, toDraft, toMatchers } from "./matcher-draft.js";
import type { useProperties } from "./use-properties.js";

interface Props {
  stage: Stage;
  position: number;
  eventListId: string;
  properties: ReturnType<typeof useProperties>;
  readOnly: boolean;
  apply: (edit: MapEdit) => void;
}

const blankMatcher = (): MatcherDraft => ({ event: "", where: [] });

/**
 * One stage's matchers. The drafts are edited locally and written to the map when a field is left, so
 * the undo history gets one step per change rather than one per keystroke.
 */
export function StageBinding({ stage, position, eventListId, properties, readOnly, apply }: Props) {
  const { t } = useUiText();
  const headingId = useId();
  const [drafts, setDrafts] = useState<MatcherDraft[]>(() => stage.matchers.map(toDraft));
  const committed = useRef<EventMatcher[]>(stage.matchers);

  // Undo, redo or another tab changed the stage: show the map's matchers again.
  useEffect(() => {
    if (stage.matchers !== committed.current) {
      committed.current = stage.matchers;
      setDrafts(stage.matchers.map(toDraft));
    }
  }, [stage.matchers]);

  const checked = toMatchers(drafts);
  const problem = "problem" in checked ? checked.problem : null;

  const commit = (next: MatcherDraft[]) => {
    const result = toMatchers(next);
    if ("problem" in result) return;
    if (JSON.stringify(result.matchers) === JSON.stringify(committed.current)) return;
    apply((map) => {
      const updated = setStageMatchers(map, { stageId: stage.id, matchers: result.matchers });
      committed.current = updated.stages.find((s) => s.id === stage.id)?.matchers ?? [];
      return updated;
    });
  };
  const change = (next: MatcherDraft[], save: boolean) => {
    setDrafts(next);
    if (save) commit(next);
  };
  const updateMatcher = (index: number, matcher: MatcherDraft, save = false) =>
    change(
      drafts.map((draft, i) => (i === index ? matcher : draft)),
      save,
    );

  return (
    <section className="stage-binding" aria-labelledby={headingId}>
      <div className="stage-binding-head">
        <h3 id={headingId}>
          <span className="stage-number">{position}</span> {stage.name}
        </h3>
        <span className={stage.matchers.length ? "bound-pill on" : "bound-pill"}>
          {stage.matchers.length ? t("data.binding.bound") : t("data.binding.notBound")}
        </span>
      </div>
      {drafts.map((draft, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: matchers are positional and have no id
        <fieldset key={index} className="matcher">
          <legend className="visually-hidden">
            {t("data.binding.matcherLabel", { stage: stage.name, number: index + 1 })}
          </legend>
          {index > 0 && (
            <span className="matcher-or" aria-hidden="true">
              {t("data.binding.or")}
            </span>
          )}
          <div className="matcher-line">
            <label className="field-compact grow">
              <span>{t("data.binding.event")}</span>
              <input
                list={eventListId}
                value={draft.event}
                readOnly={readOnly}
                placeholder={t("data.binding.eventPlaceholder")}
                aria-invalid={problem?.matcher === index && problem.reason === "noEvent"}
                onChange={(event) => updateMatcher(index, { ...draft, event: event.target.value })}
                onBlur={() => commit(drafts)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") commit(drafts);
                }}
              />
            </label>
            {!readOnly && (
              <>
                <button
                  type="button"
                  className="button button-sm"
                  onClick={() =>
                    updateMatcher(index, {
                      ...draft,
                      where: [...draft.where, { property: "", op: "equals", value: "" }],
                    })
                  }
                >
                  <Plus size={14} aria-hidden="true" />
                  <span>{t("data.binding.addCondition")}</span>
                </button>
                <IconButton
                  small
                  icon={Trash2}
                  label={t("data.binding.removeMatcher", { number: index + 1 })}
                  onClick={() =>
                    change(
                      drafts.filter((_, i) => i !== index),
                      true,
                    )
                  }
                />
              </>
            )}
          </div>
          {draft.where.map((condition, position) => (
            <ConditionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions are positional and have no id
              key={position}
              condition={condition}
              event={draft.event.trim()}
              properties={properties}
              readOnly={readOnly}
              invalid={problem?.matcher === index && problem.condition === position ? problem.reason : null}
              onChange={(next, save) =>
                updateMatcher(
                  index,
                  { ...draft, where: draft.where.map((c, i) => (i === position ? next : c)) },
                  save,
                )
              }
              onCommit={() => commit(drafts)}
              onRemove={() =>
                updateMatcher(index, { ...draft, where: draft.where.filter((_, i) => i !== position) }, true)
              }
            />
          ))}
        </fieldset>
      ))}
      {problem && (
        <p className="field-error" role="alert">
          {t(`data.binding.problem.${problem.reason}`, { number: problem.matcher + 1 })}
        </p>
      )}
      {!readOnly && (
        <button
          type="button"
          className="button button-sm button-ghost"
          onClick={() => change([...drafts, blankMatcher()], false)}
        >
          <Plus size={14} aria-hidden="true" />
          <span>{drafts.length ? t("data.binding.addOr") : t("data.binding.bind")}</span>
        </button>
      )}
    </section>
  );
}
