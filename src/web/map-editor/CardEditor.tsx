import { Check, Trash2 } from "lucide-react";
import { type FocusEvent, useEffect, useRef, useState } from "react";
import { type Card, type CardLaneType, EVIDENCE_SOURCES, SEVERITIES } from "../../domain/journey-map.js";
import { deleteCard, updateCard } from "../../domain/map-operations.js";
import { useUiText } from "../i18n/ui-text.js";
import { rebaseCardPatch } from "../live/rebase-card-patch.js";
import { IconButton } from "../ui/IconButton.js";
import { ChannelPicker } from "./ChannelPicker.js";
import { type CardDraft, draftOf, patchFrom } from "./card-draft.js";
import { isBarrierLane, isOpportunityLane, isTouchpointLane } from "./card-kind.js";
import { useEditor } from "./editor-context.js";

interface Props {
  card: Card;
  laneId: string;
  laneType: CardLaneType;
  stageId: string;
  /** A card just added: leaving it empty removes it again. */
  isNew: boolean;
  onClose: () => void;
}

/** The in-place editor: the whole form is one draft, committed when focus leaves the card or on Enter. */
export function CardEditor({ card, laneId, laneType, stageId, isNew, onClose }: Props) {
  const { t } = useUiText();
  const { apply } = useEditor();
  const [draft, setDraft] = useState<CardDraft>(() => draftOf(card));
  // The card as the form opened: others may change it meanwhile, and the patch must carry only this
  // person's changes (see rebaseCardPatch).
  const base = useRef(card);
  const rootRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const closed = useRef(false);

  useEffect(() => {
    textRef.current?.focus();
    textRef.current?.select();
  }, []);

  const set = <K extends keyof CardDraft>(key: K, value: CardDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const finish = (save: boolean) => {
    if (closed.current) return;
    closed.current = true;
    const text = save ? draft.text : card.text;
    if (isNew && text.trim() === "") {
      apply((map) => deleteCard(map, { laneId, stageId, cardId: card.id }));
    } else if (save) {
      const patch = rebaseCardPatch(
        patchFrom(base.current, draft, isOpportunityLane(laneType)),
        base.current,
        card,
      );
      if (Object.keys(patch).length > 0) {
        apply((map) => updateCard(map, { laneId, stageId, cardId: card.id, patch }));
      }
    }
    onClose();
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-card-id="${card.id}"] .card-text`)?.focus(),
    );
  };

  const onBlur = (event: FocusEvent) => {
    if (!rootRef.current?.contains(event.relatedTarget as Node | null)) finish(true);
  };

  return (
    <form
      ref={rootRef}
      className={`card card-${laneType} card-editing`}
      data-card-id={card.id}
      aria-label={t("card.editorLabel")}
      onBlur={onBlur}
      onSubmit={(event) => {
        event.preventDefault();
        finish(true);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          finish(false);
        }
      }}
    >
      <textarea
        ref={textRef}
        className="card-textarea"
        aria-label={t("card.text")}
        placeholder={t("card.placeholder")}
        value={draft.text}
        rows={3}
        maxLength={4000}
        onChange={(event) => set("text", event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            finish(true);
          }
        }}
      />
      {isTouchpointLane(laneType) && (
        <ChannelPicker
          channel={draft.channel}
          customChannel={draft.customChannel}
          onChannel={(value) => set("channel", value)}
          onCustomChannel={(value) => set("customChannel", value)}
        />
      )}
      {isBarrierLane(laneType) && (
        <label className="field-compact">
          <span>{t("card.severity")}</span>
          <select
            aria-label={t("card.severity")}
            value={draft.severity}
            onChange={(event) => set("severity", event.target.value as CardDraft["severity"])}
          >
            <option value="">{t("severity.none")}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`severity.${severity}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {isOpportunityLane(laneType) && (
        <fieldset className="metric-fields">
          <legend>{t("card.successMetric")}</legend>
          <input
            aria-label={t("card.metricName")}
            placeholder={t("card.metricName")}
            value={draft.metric}
            onChange={(event) => set("metric", event.target.value)}
          />
          <div className="metric-numbers">
            <input
              aria-label={t("card.baseline")}
              placeholder={t("card.baseline")}
              inputMode="decimal"
              value={draft.baseline}
              onChange={(event) => set("baseline", event.target.value)}
            />
            <input
              aria-label={t("card.target")}
              placeholder={t("card.target")}
              inputMode="decimal"
              value={draft.target}
              onChange={(event) => set("target", event.target.value)}
            />
            <input
              aria-label={t("card.unit")}
              placeholder={t("card.unit")}
              value={draft.unit}
              onChange={(event) => set("unit", event.target.value)}
            />
          </div>
        </fieldset>
      )}
      <label className="field-compact">
        <span>{t("card.source")}</span>
        <select
          aria-label={t("card.source")}
          value={draft.source}
          onChange={(event) => set("source", event.target.value as CardDraft["source"])}
        >
          {EVIDENCE_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`evidence.source.${source}`)}
            </option>
          ))}
        </select>
      </label>
      {draft.source !== "assumption" && (
        <input
          className="evidence-note"
          aria-label={t("card.evidenceNote")}
          placeholder={t("card.evidenceNotePlaceholder")}
          value={draft.evidenceNote}
          onChange={(event) => set("evidenceNote", event.target.value)}
        />
      )}
      <div className="card-editor-actions">
        <IconButton
          small
          variant="danger"
          icon={Trash2}
          label={t("card.delete")}
          onClick={() => {
            closed.current = true;
            apply((map) => deleteCard(map, { laneId, stageId, cardId: card.id }));
          }}
        />
        <span className="spacer" />
        <button type="submit" className="button button-primary button-sm">
          <Check size={14} aria-hidden="true" />
          <span>{t("common.done")}</span>
        </button>
      </div>
    </form>
  );
}
