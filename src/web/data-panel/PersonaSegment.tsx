import { Plus } from "lucide-react";
import { useEffect, useId, useState } from "react";
import type { Persona } from "../../domain/persona.js";
import { useUiText } from "../i18n/ui-text.js";
import { ConditionRow } from "./ConditionRow.js";
import { type ConditionDraft, toConditionDraft, toConditions } from "./matcher-draft.js";
import { messageOf } from "./message-of.js";
import type { useProperties } from "./use-properties.js";

interface Props {
  persona: Persona;
  properties: ReturnType<typeof useProperties>;
  readOnly: boolean;
  savePersona: (persona: Persona) => Promise<unknown>;
}

type Status = { kind: "saved" } | { kind: "error"; message: string } | null;

/**
 * The persona's segment as data: a person is in it when one of their events meets every condition.
 * A persona is shared by maps, so it is saved with its own button rather than the map's autosave.
 */
export function PersonaSegment({ persona, properties, readOnly, savePersona }: Props) {
  const { t } = useUiText();
  const headingId = useId();
  const [drafts, setDrafts] = useState<ConditionDraft[]>(() => persona.segmentRule.map(toConditionDraft));
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => setDrafts(persona.segmentRule.map(toConditionDraft)), [persona.segmentRule]);

  const checked = toConditions(drafts);
  const save = async () => {
    if (!("conditions" in checked)) return;
    try {
      await savePersona({ ...persona, segmentRule: checked.conditions });
      setStatus({ kind: "saved" });
    } catch (reason) {
      setStatus({ kind: "error", message: messageOf(reason) });
    }
  };
  const change = (next: ConditionDraft[]) => {
    setDrafts(next);
    setStatus(null);
  };

  return (
    <section className="stage-binding" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("data.segment.title", { name: persona.name })}</h3>
      <p className="muted">{drafts.length ? t("data.segment.intro") : t("data.segment.everyone")}</p>
      <div className="matcher">
        {drafts.map((condition, position) => (
          <ConditionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions are positional and have no id
            key={position}
            condition={condition}
            event=""
            properties={properties}
            readOnly={readOnly}
            invalid={"conditions" in checked || checked.condition !== position ? null : checked.reason}
            onChange={(next) => change(drafts.map((c, i) => (i === position ? next : c)))}
            onCommit={() => {}}
            onRemove={() => change(drafts.filter((_, i) => i !== position))}
          />
        ))}
      </div>
      {!("conditions" in checked) && (
        <p className="field-error" role="alert">
          {t(`data.segment.problem.${checked.reason}`, { number: checked.condition + 1 })}
        </p>
      )}
      {!readOnly && (
        <div className="data-actions">
          <button
            type="button"
            className="button button-sm button-ghost"
            onClick={() => change([...drafts, { property: "", op: "equals", value: "" }])}
          >
            <Plus size={14} aria-hidden="true" />
            <span>{t("data.segment.addCondition")}</span>
          </button>
          <button
            type="button"
            className="button button-sm"
            disabled={!("conditions" in checked)}
            onClick={() => void save()}
          >
            {t("data.segment.save")}
          </button>
          {status && (
            <span role="status" className={status.kind === "error" ? "field-error" : "muted"}>
              {status.kind === "saved" ? t("data.segment.saved") : status.message}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
