import { useMemo } from "react";
import type { FunnelStepResult, OverTime as Periods } from "../../domain/analytics/funnel-query.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { Chart } from "./Chart.js";
import type { ChartOption } from "./chart-option.js";
import { dayOf } from "./date-range.js";

/** Conversion from the first to the last step by entry day or week, as a line and as a table. */
export function OverTime({ overTime, steps }: { overTime: Periods; steps: FunnelStepResult[] }) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const labels = useMemo(() => overTime.periods.map((period) => dayOf(period.start)), [overTime]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: "axis", valueFormatter: (value) => (value == null ? "—" : `${value} %`) },
      xAxis: { type: "category", data: labels },
      yAxis: { type: "value", axisLabel: { formatter: "{value} %" } },
      series: [
        {
          type: "line",
          data: overTime.periods.map((period) =>
            period.conversion === null ? null : Math.round(period.conversion * 10) / 10,
          ),
          connectNulls: false,
          itemStyle: { color: "#4f46e5" },
        },
      ],
    }),
    [overTime, labels],
  );
  const first = steps[0]?.name ?? "";
  const last = steps[steps.length - 1]?.name ?? "";

  return (
    <section className="data-section" aria-label={t("data.overTime.title")}>
      <h3>{t("data.overTime.title")}</h3>
      <p className="muted">{t(`data.overTime.intro.${overTime.interval}`, { first, last })}</p>
      {overTime.periods.length === 0 ? (
        <p className="muted">{t("data.overTime.empty")}</p>
      ) : (
        <>
          <Chart option={option} height={220} label={t("data.overTime.chartLabel", { first, last })} />
          <details>
            <summary>{t("data.showTable")}</summary>
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t("data.overTime.period")}</th>
                  <th scope="col" className="num">
                    {t("data.overTime.entered")}
                  </th>
                  <th scope="col" className="num">
                    {last}
                  </th>
                  <th scope="col" className="num">
                    {t("data.overTime.conversion")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overTime.periods.map((period, index) => (
                  <tr key={period.start}>
                    <th scope="row">{labels[index]}</th>
                    <td className="num">{number.format(period.entered)}</td>
                    <td className="num">{number.format(period.steps[period.steps.length - 1] ?? 0)}</td>
                    <td className="num">
                      {period.conversion === null ? "—" : `${number.format(period.conversion)} %`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
