import { useMemo } from "react";
import type { TimeToConvert as Timing } from "../../domain/analytics/funnel-query.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { Chart } from "./Chart.js";
import type { ChartOption } from "./chart-option.js";
import { formatDuration } from "./duration.js";

/** Median and p90 time between the two steps and a histogram of it, with the numbers as a table too. */
export function TimeToConvert({ timing }: { timing: Timing }) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const span = useMemo(() => {
    const units = {
      d: t("data.units.d"),
      h: t("data.units.h"),
      min: t("data.units.min"),
      s: t("data.units.s"),
    };
    return (ms: number | null) => (ms === null ? "—" : formatDuration(ms, units));
  }, [t]);
  const bins = useMemo(
    () => timing.histogram.map((bin) => `${span(bin.fromMs)} – ${span(bin.toMs)}`),
    [timing, span],
  );

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: bins, axisLabel: { rotate: 30, fontSize: 10 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { type: "bar", data: timing.histogram.map((bin) => bin.people), itemStyle: { color: "#4f46e5" } },
      ],
    }),
    [bins, timing.histogram],
  );

  return (
    <div className="drill-block">
      <h4>{t("data.drill.timeToConvert")}</h4>
      <p>
        {t("data.drill.timing", {
          people: number.format(timing.people),
          median: span(timing.medianMs),
          p90: span(timing.p90Ms),
        })}
      </p>
      {timing.histogram.length > 0 && (
        <>
          <Chart option={option} height={200} label={t("data.drill.histogramLabel")} />
          <details>
            <summary>{t("data.showTable")}</summary>
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t("data.drill.bin")}</th>
                  <th scope="col" className="num">
                    {t("data.sources.people")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {timing.histogram.map((bin, index) => (
                  <tr key={bin.fromMs}>
                    <td>{bins[index]}</td>
                    <td className="num">{number.format(bin.people)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}
