import { X } from "lucide-react";
import { useId } from "react";
import { useUiText } from "../i18n/ui-text.js";
import { IconButton } from "../ui/IconButton.js";
import { CONDITION_OPS, type ConditionDraft, type ConditionOp, type DraftProblem } from "./matcher-draft.js";
import type { useProperties } from "./use-properties.js";

interface Props {
  condition: ConditionDraft;
  event: string;
  properties: ReturnType<typeof useProperties>;
  readOnly: boolean;
  invalid: DraftProblem["reason"] | null;
  /** `save`: the change is complete (a select), write it to the map now. */
  onChange: (next: ConditionDraft, save: boolean) => void;
  onCommit: () => void;
  onRemove: () => void;
}

/** property · operator · value, with the property names seen on the event offered as suggestions. */
export function ConditionRow({
  condition,
  event,
  properties,
  readOnly,
  invalid,
  onChange,
  onCommit,
  onRemove,
}: Props) {
  const { t } = useUiText();
  const listId = useId();
  const known = properties.propertiesOf(event);
  const examples = known.find((property) => property.name === condition.property)?.examples ?? [];
  const commitOnEnter = (key: string) => {
    if (key === "Enter") onCommit();
  };

  return (
    <div className="condition-line">
      <span className="condition-where" aria-hidden="true">
        {t("data.binding.where")}
      </span>
      <datalist id={`${listId}-properties`}>
        {known.map((property) => (
          <option key={property.name} value={property.name} />
        ))}
      </datalist>
      <datalist id={`${listId}-values`}>
        {examples.map((example) => (
          <option key={example} value={example} />
        ))}
      </datalist>
      <input
        aria-label={t("data.binding.property")}
        list={`${listId}-properties`}
        value={condition.property}
        readOnly={readOnly}
        placeholder={t("data.binding.property")}
        aria-invalid={invalid === "noProperty"}
        onFocus={() => properties.load(event)}
        onChange={(e) => onChange({ ...condition, property: e.target.value }, false)}
        onBlur={onCommit}
        onKeyDown={(e) => commitOnEnter(e.key)}
      />
      <select
        aria-label={t("data.binding.operator")}
        value={condition.op}
        disabled={readOnly}
        onChange={(e) => onChange({ ...condition, op: e.target.value as ConditionOp }, true)}
      >
        {CONDITION_OPS.map((op) => (
          <option key={op} value={op}>
            {t(`data.binding.op.${op}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t("data.binding.value")}
        list={`${listId}-values`}
        value={condition.value}
        readOnly={readOnly}
        placeholder={condition.op === "in" ? t("data.binding.valueList") : t("data.binding.value")}
        aria-invalid={invalid === "noValue" || invalid === "notNumber" || invalid === "badRegex"}
        inputMode={["gt", "gte", "lt", "lte"].includes(condition.op) ? "decimal" : undefined}
        onChange={(e) => onChange({ ...condition, value: e.target.value }, false)}
        onBlur={onCommit}
        onKeyDown={(e) => commitOnEnter(e.key)}
      />
      {!readOnly && (
        <IconButton small icon={X} label={t("data.binding.removeCondition")} onClick={onRemove} />
      )}
    </div>
  );
}
