import { useId, useState } from "react";
import { BREAKDOWN_ATTRIBUTIONS, type BreakdownAttribution } from "../../domain/analytics/funnel-query.js";
import type { MapFunnelAnswer, MapFunnelRequest } from "../../domain/analytics/map-analytics.js";
import { analyticsApi } from "../api/analytics-client.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { RunError } from "./RunError.js";
import { useProperties } from "./use-properties.js";
import { useRun } from "./use-run.js";

interface Props {
  mapId: string;
  workspaceId: string;
  request: Omit<MapFunnelRequest, "breakdown" | "interval">;
  fromStep: number;
  names: [string, string];
}

/** Conversion of one transition per value of a property (first touch, last touch or the step's own). */
export function Breakdown({ mapId, workspaceId, request, fromStep, names }: Props) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const listId = useId();
  const [property, setProperty] = useState("");
  const [attribution, setAttribution] = useState<BreakdownAttribution>("first");
  const properties = useProperties(workspaceId);
  const breakdown = useRun<MapFunnelAnswer>();

  const run = () => {
    const name = property.trim();
    if (!name) return;
    void breakdown.run(() =>
      analyticsApi.funnel(mapId, {
        ...request,
        breakdown: { property: name, attribution, ...(attribution === "step" && { step: fromStep }) },
      }),
    );
  };
  const groups = breakdown.data?.result.breakdown?.groups ?? null;

  return (
    <div className="drill-block">
      <h4>{t("data.drill.breakdown")}</h4>
      <div className="data-controls">
        <label className="field">
          <span>{t("data.binding.property")}</span>
          <input
            list={listId}
            value={property}
            onFocus={() => properties.load("")}
            onChange={(event) => setProperty(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") run();
            }}
          />
          <datalist id={listId}>
            {properties.propertiesOf("").map((known) => (
              <option key={known.name} value={known.name} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t("data.drill.attribution")}</span>
          <select
            value={attribution}
            onChange={(event) => setAttribution(event.target.value as BreakdownAttribution)}
          >
            {BREAKDOWN_ATTRIBUTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`data.drill.attributions.${option}`, { stage: names[0] })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button run-button"
          disabled={!property.trim() || breakdown.busy}
          onClick={run}
        >
          {t("data.drill.runBreakdown")}
        </button>
      </div>
      <RunError error={breakdown.error} field={breakdown.field} />
      {groups && groups.length === 0 && <p className="muted">{t("data.drill.noGroups")}</p>}
      {groups && groups.length > 0 && (
        <table className="data-table compact">
          <caption className="visually-hidden">{t("data.drill.breakdown")}</caption>
          <thead>
            <tr>
              <th scope="col">{breakdown.data?.result.breakdown?.property}</th>
              <th scope="col" className="num">
                {names[0]}
              </th>
              <th scope="col" className="num">
                {names[1]}
              </th>
              <th scope="col" className="num">
                {t("data.funnel.fromPrevious")}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => {
              const reached = group.steps[fromStep - 1];
              const converted = group.steps[fromStep];
              const conversion = converted?.conversionFromPrevious ?? null;
              return (
                <tr key={group.value ?? "\u0000missing"}>
                  <th scope="row">{group.value ?? t("data.drill.missing")}</th>
                  <td className="num">{number.format(reached?.people ?? 0)}</td>
                  <td className="num">{number.format(converted?.people ?? 0)}</td>
                  <td className="num">{conversion === null ? "—" : `${number.format(conversion)} %`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
