import { memo } from "react";
import type { EvidenceSource } from "../../domain/journey-map.js";
import { useUiText } from "../i18n/ui-text.js";

/** "Assumption" is drawn hollow so unbacked cards stand out from the ones backed by facts. */
export const EvidenceBadge = memo(function EvidenceBadge({ source }: { source: EvidenceSource }) {
  const { t } = useUiText();
  return (
    <span className={`evidence-badge evidence-${source}`} title={t("evidence.sourceLabel")}>
      {t(`evidence.source.${source}`)}
    </span>
  );
});
