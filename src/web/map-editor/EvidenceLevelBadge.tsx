import { CircleCheck, CircleDashed, CircleDot } from "lucide-react";
import { memo } from "react";
import type { EvidenceLevel } from "../../domain/evidence.js";
import { useUiText } from "../i18n/ui-text.js";

const ICONS = { hypothetical: CircleDashed, partly: CircleDot, data: CircleCheck };

/** The red/amber/green backing of a stage, as Smaply's helpdesk suggests, with a word not only a colour. */
export const EvidenceLevelBadge = memo(function EvidenceLevelBadge({ level }: { level: EvidenceLevel }) {
  const { t } = useUiText();
  const Icon = ICONS[level];
  return (
    <span className={`level-badge level-${level}`}>
      <Icon size={12} aria-hidden="true" />
      {t(`evidence.level.${level}`)}
    </span>
  );
});
