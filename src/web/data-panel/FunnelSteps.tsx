import { TriangleAlert } from "lucide-react";
import type { MapFunnelAnswer } from "../../domain/analytics/map-analytics.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { rangeLabel } from "./date-range.js";

/** People per bound stage with conversions and losses; the key barrier's row is marked. */
export function FunnelSteps({ answer }: { answer: MapFunnelAnswer }) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const { result } = answer;
  const barrier = result.keyBarrier.largestLoss;
  const belowTarget = result.keyBarrier.furthestBelowTarget;
  const percent = (value: number | null) => (value === null ? "—" : `${number.format(value)} %`);
  const start = result.steps[0]?.people ?? 0;

  return (
    <section className="data-section" aria-label={t("data.funnel.title")}>
      <p className="muted">
        {t("data.funnel.basis", {
          unit: t(`data.settings.units.${result.unit}`),
          order: t(`data.settings.orders.${result.order}`),
          range: rangeLabel(answer.range.from, answer.range.to, t("data.query.open")),
          sources: answer.sources.join(", ") || "—",
        })}
      </p>
      {barrier && (
        <p className="key-barrier-note" role="status">
          <TriangleAlert size={16} aria-hidden="true" />
          {t("data.funnel.keyBarrier", {
            from: barrier.fromName,
            to: barrier.toName,
            conversion: number.format(barrier.conversion),
            lost: number.format(barrier.lost),
          })}
        </p>
      )}
      {belowTarget && (
        <p className="muted">
          {t("data.funnel.belowTarget", {
            from: belowTarget.fromName,
            to: belowTarget.toName,
            gap: number.format(belowTarget.gapToTarget ?? 0),
          })}
        </p>
      )}
      <table className="data-table funnel-table">
        <caption className="visually-hidden">{t("data.funnel.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("data.funnel.stage")}</th>
            <th scope="col" className="num">
              {t(`data.funnel.unitCount.${result.unit}`)}
            </th>
            <td className="bar-col" />
            <th scope="col" className="num">
              {t("data.funnel.fromPrevious")}
            </th>
            <th scope="col" className="num">
              {t("data.funnel.fromStart")}
            </th>
            <th scope="col" className="num">
              {t("data.funnel.lost")}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.steps.map((step, index) => {
            const isBarrier = barrier !== null && barrier.toStep === index + 1;
            return (
              <tr key={answer.stageIds[index] ?? index} className={isBarrier ? "key-barrier-row" : undefined}>
                <th scope="row">
                  {step.name}
                  {isBarrier && <span className="barrier-pill">{t("data.funnel.keyBarrierPill")}</span>}
                </th>
                <td className="num">{number.format(step.people)}</td>
                <td className="bar-col" aria-hidden="true">
                  <span
                    className="people-bar"
                    style={{ width: `${start ? (step.people / start) * 100 : 0}%` }}
                  />
                </td>
                <td className="num">{index === 0 ? "—" : percent(step.conversionFromPrevious)}</td>
                <td className="num">{percent(step.conversionFromStart)}</td>
                <td className="num">{index === 0 ? "—" : number.format(step.lost)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {result.excluded > 0 && (
        <p className="muted">{t("data.funnel.excluded", { count: result.excluded })}</p>
      )}
    </section>
  );
}
