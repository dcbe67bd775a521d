import { Play } from "lucide-react";
import { useState } from "react";
import type { PeriodSample } from "../../domain/analytics/compare-query.js";
import type { MapCompareAnswer } from "../../domain/analytics/map-analytics.js";
import { analyticsApi } from "../api/analytics-client.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { DateRangeFields } from "./DateRangeFields.js";
import type { DataPanelProps } from "./data-panel-props.js";
import { dayRange } from "./date-range.js";
import { PersonaSelect } from "./PersonaSelect.js";
import { RunError } from "./RunError.js";
import { useRun } from "./use-run.js";

/** "Measure again after 7–14 days": each transition's conversion in period A against period B. */
export function CompareTab({ map, personas, saveNow }: DataPanelProps) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const [a, setA] = useState({ from: "", to: "" });
  const [b, setB] = useState({ from: "", to: "" });
  const [personaId, setPersonaId] = useState("");
  const compare = useRun<MapCompareAnswer>();
  const periodA = dayRange(a.from, a.to);
  const periodB = dayRange(b.from, b.to);
  const ready =
    periodA.from !== undefined &&
    periodA.to !== undefined &&
    periodB.from !== undefined &&
    periodB.to !== undefined;

  const run = () => {
    if (periodA.from === undefined || periodA.to === undefined) return;
    if (periodB.from === undefined || periodB.to === undefined) return;
    const request = {
      ...(personaId && { personaId }),
      periodA: { from: periodA.from, to: periodA.to },
      periodB: { from: periodB.from, to: periodB.to },
    };
    void compare.run(async () => {
      await saveNow();
      return analyticsApi.compare(map.id, request);
    });
  };
  const sample = (value: PeriodSample) =>
    `${number.format(value.converted)} / ${number.format(value.reached)} · ${
      value.conversion === null ? "—" : `${number.format(value.conversion)} %`
    }`;
  const points = (value: number) => `${value > 0 ? "+" : ""}${number.format(value)}`;
  const result = compare.data?.result;

  return (
    <div className="data-section-stack">
      <p className="muted">{t("data.compare.intro")}</p>
      <div className="data-controls">
        <DateRangeFields
          legend={t("data.compare.periodA")}
          from={a.from}
          to={a.to}
          onFrom={(from) => setA({ ...a, from })}
          onTo={(to) => setA({ ...a, to })}
        />
        <DateRangeFields
          legend={t("data.compare.periodB")}
          from={b.from}
          to={b.to}
          onFrom={(from) => setB({ ...b, from })}
          onTo={(to) => setB({ ...b, to })}
        />
        <PersonaSelect map={map} personas={personas} value={personaId} onChange={setPersonaId} />
        <button
          type="button"
          className="button button-primary run-button"
          disabled={!ready || compare.busy}
          onClick={run}
        >
          <Play size={16} aria-hidden="true" />
          <span>{compare.busy ? t("data.query.running") : t("data.compare.run")}</span>
        </button>
      </div>
      {!ready && <p className="muted">{t("data.compare.needPeriods")}</p>}
      <RunError error={compare.error} field={compare.field} />
      {result && (
        <>
          {result.warnings.length > 0 && (
            <ul className="warning-list" role="status">
              {result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          <div className="table-scroll">
            <table className="data-table compare-table">
              <caption className="visually-hidden">{t("data.compare.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("data.drill.transition")}</th>
                  <th scope="col" className="num">
                    A
                  </th>
                  <th scope="col" className="num">
                    B
                  </th>
                  <th scope="col" className="num">
                    {t("data.compare.difference")}
                  </th>
                  <th scope="col" className="num">
                    {t("data.compare.interval")}
                  </th>
                  <th scope="col">{t("data.compare.verdict")}</th>
                </tr>
              </thead>
              <tbody>
                {result.transitions.map((row) => (
                  <tr key={row.fromStep}>
                    <th scope="row">
                      {row.fromName} → {row.toName}
                      {row.warnings.map((warning) => (
                        <span key={warning} className="row-warning">
                          {warning}
                        </span>
                      ))}
                    </th>
                    <td className="num">{sample(row.a)}</td>
                    <td className="num">{sample(row.b)}</td>
                    <td className="num">
                      {row.differencePoints === null
                        ? "—"
                        : `${points(row.differencePoints)} ${t("data.compare.pp")}`}
                    </td>
                    <td className="num">
                      {row.interval ? `${points(row.interval.low)} … ${points(row.interval.high)}` : "—"}
                    </td>
                    <td>
                      <span className={`verdict verdict-${row.verdict}`}>
                        {t(`data.compare.verdicts.${row.verdict}`)}
                      </span>
                      {row.pValue !== null && (
                        <span className="muted">
                          {" "}
                          p = {row.pValue < 0.0001 ? "< 0.0001" : row.pValue.toFixed(4)}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
