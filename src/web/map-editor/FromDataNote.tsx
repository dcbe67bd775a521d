import type { MetricRow } from "../../domain/journey-map.js";
import { useUiText } from "../i18n/ui-text.js";

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** "from data · sources · range" under a row whose values were computed from imported events. */
export function FromDataNote({ fromData }: { fromData: NonNullable<MetricRow["fromData"]> }) {
  const { t, lang } = useUiText();
  // The entry range's `to` is exclusive, so the last day counted is the one before it.
  const range =
    fromData.from === null && fromData.to === null
      ? t("metrics.fromDataAllDates")
      : `${fromData.from === null ? "…" : day(fromData.from)} – ${fromData.to === null ? "…" : day(fromData.to - 1)}`;
  return (
    <span
      className="muted metric-from-data"
      title={t("metrics.fromDataLabel", { date: new Date(fromData.computedAt).toLocaleString(lang) })}
    >
      {t("metrics.fromData", { sources: fromData.sources.join(", ") || "—", range })}
    </span>
  );
}
